/**
 * The five seed notices (real An Giang notices, kept as test/fixtures/extract/00[0-4]_*.txt) as documents and task specifications, each task with the
 * seed file and line it was read from. Titles are the text of the notice, shortened where it runs on.
 * Group addressees are expanded in tasks.ts; see data/README.md for the rules.
 */
export type Area =
  | 'direction'
  | 'institutions'
  | 'procedures'
  | 'organization'
  | 'civil_service'
  | 'public_finance'
  | 'digital_government'
  | 'impact'
  | 'other';

/** Named addressee groups of the notices. */
export type Group =
  | 'districts' // "UBND các huyện, thị xã, thành phố"
  | 'departments+districts' // "Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các huyện, thị xã, thành phố"
  | 'steering_members' // "Các thành viên Ban Chỉ đạo có liên quan (…)" in seed 002
  | 'communes' // "UBND các xã, thị trấn" of Châu Thành
  | 'kg_departments+districts' // the same addressees in old Kiên Giang
  | 'new_departments' // "Các sở, ban, ngành tỉnh" of the new province
  | 'new_communes' // "UBND các xã, phường, đặc khu"
  | 'new_departments+communes';

/** A synthetic outcome fixed by hand where the brief's story needs it; other tasks draw theirs. */
export type Outcome = { completed: string } | { cancelled: string } | 'open';

export interface TaskSpec {
  /** Seed file number (000…004) and 1-based line of the sentence that assigns the task. */
  seed: string | null;
  line: number | null;
  leads: readonly string[] | Group;
  support?: readonly string[];
  title: string;
  area: Area;
  index?: 'PAR_INDEX' | 'PAPI' | 'SIPAS' | 'PCI' | 'DVC766';
  due?: string;
  outcome?: Outcome;
}

export interface DocumentSpec {
  doc_no: string;
  /** Short key for task ids (`T317-04`). */
  key: string;
  doc_type: string;
  issued_on: string;
  meeting_on: string | null;
  issuer_code: string | null;
  signer: string | null;
  title: string;
  /** Seed file, or null for the one synthetic document. */
  seed: string | null;
  tasks: TaskSpec[];
}

const N270: DocumentSpec = {
  doc_no: '270/TB-VPUBND',
  key: '270',
  doc_type: 'TB',
  issued_on: '2018-06-25',
  meeting_on: null,
  issuer_code: 'AG.VP',
  signer: null,
  title:
    'Kết luận của Chủ tịch UBND tỉnh Vương Bình Thạnh tại Hội nghị phân tích kết quả Chỉ số PAPI, Chỉ số CCHC (PAR INDEX) năm 2017 của tỉnh An Giang; công bố Chỉ số CCHC năm 2017 của các sở, ban ngành, UBND các huyện, thị xã, thành phố',
  seed: '001',
  tasks: [
    {
      seed: '001',
      line: 29,
      leads: 'departments+districts',
      area: 'direction',
      title:
        'Chủ động, bám sát Chương trình CCHC giai đoạn 2016-2020 (Quyết định 324/QĐ-UBND) và Kế hoạch CCHC năm 2018 (Kế hoạch 792/KH-UBND) để tổ chức thực hiện; không để công việc trễ hạn',
    },
    {
      seed: '001',
      line: 31,
      leads: 'departments+districts',
      area: 'direction',
      title:
        'Thường xuyên nghiên cứu các mô hình hay về CCHC trong và ngoài nước để vận dụng và tham mưu UBND tỉnh (qua Sở Nội vụ) nhân rộng',
    },
    {
      seed: '001',
      line: 33,
      leads: ['AG.SNV'],
      support: ['AG.STTTT', 'AG.STC', 'AG.VP', 'AG.SKHDT', 'AG.STP', 'AG.SKHCN'],
      area: 'direction',
      title:
        'Tổng hợp, nghiên cứu các mô hình, sáng kiến hay của các ngành, địa phương trong và ngoài tỉnh, tham mưu UBND tỉnh chỉ đạo thực hiện và nhân rộng',
    },
    {
      seed: '001',
      line: 33,
      leads: ['AG.SNV'],
      area: 'civil_service',
      title:
        'Tăng cường kiểm tra công vụ tại các cơ quan, đơn vị, địa phương; tham mưu Chủ tịch UBND tỉnh kiện toàn Tổ Kiểm tra công vụ tỉnh',
    },
    {
      seed: '001',
      line: 33,
      leads: ['AG.SNV'],
      area: 'direction',
      due: '2018-07-31',
      title:
        'Rà soát, báo cáo UBND tỉnh kết quả 03 năm thực hiện Chương trình CCHC tỉnh giai đoạn 2016-2020 và tham mưu văn bản chỉ đạo nhiệm vụ CCHC thời gian tới',
    },
    {
      seed: '001',
      line: 33,
      leads: ['AG.SNV'],
      support: ['AG.VP'],
      area: 'procedures',
      title:
        'Tiếp nhận và xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về TTHC, thái độ giao tiếp, vi phạm kỷ luật, kỷ cương hành chính; thường xuyên báo cáo Chủ tịch UBND tỉnh',
    },
    {
      seed: '001',
      line: 35,
      leads: ['AG.VP'],
      area: 'direction',
      title:
        'Theo dõi phần mềm theo dõi kết quả thực hiện chỉ đạo của UBND tỉnh, Chủ tịch UBND tỉnh; đề xuất xử lý đơn vị chậm trễ hoặc không thực hiện',
    },
    {
      seed: '001',
      line: 37,
      leads: ['AG.STTTT'],
      area: 'digital_government',
      title:
        'Hoàn chỉnh, đưa vào vận hành hệ thống camera giám sát Bộ phận Một cửa của UBND cấp huyện, cấp xã và Trung tâm hành chính công tỉnh',
    },
    {
      seed: '001',
      line: 39,
      leads: ['AG.MTTQ'],
      area: 'civil_service',
      title:
        'Phối hợp kiểm tra, giám sát tinh thần trách nhiệm, thái độ giao tiếp, ứng xử của cán bộ, công chức, viên chức; phản ánh về UBND tỉnh (qua Sở Nội vụ)',
    },
    {
      seed: '001',
      line: 43,
      leads: 'departments+districts',
      area: 'direction',
      index: 'PAR_INDEX',
      title:
        'Rút kinh nghiệm, khẩn trương ban hành kế hoạch khắc phục những hạn chế của Chỉ số CCHC năm 2017, không để tiếp tục mất điểm trong năm 2018',
    },
    {
      seed: '001',
      line: 45,
      leads: ['AG.SNV'],
      area: 'direction',
      index: 'PAR_INDEX',
      due: '2018-07-31',
      title:
        'Trình UBND tỉnh văn bản chỉ đạo, giao nhiệm vụ các sở, ban ngành, địa phương khắc phục hạn chế, nâng cao Chỉ số CCHC của tỉnh năm 2018',
    },
    {
      seed: '001',
      line: 45,
      leads: ['AG.SNV'],
      area: 'direction',
      index: 'PAR_INDEX',
      title:
        'Trình UBND tỉnh Kế hoạch kiểm tra tiến độ các tiêu chí trong Bộ Chỉ số CCHC năm 2018; thành lập Đoàn kiểm tra tại các sở ngành, địa phương',
    },
    {
      seed: '001',
      line: 48,
      leads: 'departments+districts',
      area: 'direction',
      index: 'PAR_INDEX',
      title:
        'Căn cứ kết quả Chỉ số CCHC năm 2017, rà soát ưu điểm, hạn chế, làm rõ nguyên nhân, trách nhiệm và đề ra giải pháp để Chỉ số năm sau tốt hơn năm trước',
    },
    {
      seed: '001',
      line: 49,
      leads: ['AG.SNV'],
      support: ['AG.STC'],
      area: 'digital_government',
      index: 'PAR_INDEX',
      title: 'Trang bị phần mềm chấm điểm Chỉ số CCHC theo đúng quy định pháp luật',
    },
    {
      seed: '001',
      line: 49,
      leads: ['AG.SNV'],
      area: 'direction',
      index: 'PAR_INDEX',
      title:
        'Nghiên cứu, rà soát tiêu chí, trình UBND tỉnh điều chỉnh Đề án xác định Chỉ số CCHC của tỉnh phù hợp Bộ tiêu chí của Bộ Nội vụ',
    },
    {
      seed: '001',
      line: 55,
      leads: 'departments+districts',
      area: 'impact',
      index: 'PAPI',
      title:
        'Ban hành kế hoạch thực hiện nhiệm vụ trong Chương trình hành động 147/CTr-UBND và Kế hoạch 36/KH-UBND nâng cao Chỉ số PAPI năm 2018',
    },
    {
      seed: '001',
      line: 56,
      leads: 'districts',
      area: 'impact',
      index: 'PAPI',
      title:
        'Cụ thể hóa, triển khai đồng bộ các nội dung đã cam kết với Thường trực UBND tỉnh về nâng cao Chỉ số PAPI năm 2018 (Thông báo 459/TB-VPUBND)',
    },
    {
      seed: '001',
      line: 58,
      leads: 'departments+districts',
      area: 'public_finance',
      index: 'PAPI',
      title:
        'Tăng cường thanh tra, giám sát việc sử dụng vốn đầu tư công trình phúc lợi xã hội và kinh phí an sinh xã hội tại địa phương',
    },
    {
      seed: '001',
      line: 59,
      leads: 'districts',
      area: 'impact',
      index: 'PAPI',
      title: 'Chỉ đạo UBND cấp xã phối hợp MTTQ cấp xã tăng cường trách nhiệm thanh tra nhân dân và giám sát cộng đồng',
    },
    {
      seed: '001',
      line: 59,
      leads: 'districts',
      area: 'direction',
      index: 'PAPI',
      title:
        'Chỉ đạo Chủ tịch UBND cấp xã thành lập Đoàn Kiểm tra, thường xuyên kiểm tra việc thực hiện chủ trương, chính sách; báo cáo UBND tỉnh (qua Sở Nội vụ)',
    },
    {
      seed: '001',
      line: 59,
      leads: 'districts',
      area: 'impact',
      index: 'PAPI',
      title: 'Lãnh đạo địa phương tăng cường tiếp dân định kỳ, trả lời khó khăn, vướng mắc của người dân đúng quy định',
    },
    {
      seed: '001',
      line: 61,
      leads: ['AG.MTTQ'],
      area: 'impact',
      index: 'PAPI',
      title:
        'Chỉ đạo MTTQ các xã, phường, thị trấn phối hợp UBND cấp xã thực hiện nghiêm chức năng thanh tra nhân dân và giám sát cộng đồng',
    },
    {
      seed: '001',
      line: 63,
      leads: ['AG.SNV'],
      area: 'direction',
      index: 'PAPI',
      title:
        'Phân tích kết quả Chỉ số PAPI năm 2017, đề ra kế hoạch duy trì chỉ số thành phần tốt và cải thiện chỉ số thành phần điểm thấp',
    },
    {
      seed: '001',
      line: 63,
      leads: ['AG.SNV'],
      support: ['AG.VP'],
      area: 'direction',
      index: 'PAPI',
      outcome: { cancelled: '2018-12-20' },
      title:
        'Tham mưu UBND tỉnh ký kết Chương trình phối hợp với Học viện Chính trị quốc gia Hồ Chí Minh về giải pháp nâng cao Chỉ số PAPI',
    },
    {
      seed: '001',
      line: 63,
      leads: ['AG.SNV'],
      area: 'direction',
      index: 'PAPI',
      title:
        'Trình UBND tỉnh văn bản chỉ đạo, giao nhiệm vụ các sở, ban ngành, địa phương khắc phục hạn chế, nâng cao Chỉ số PAPI năm 2018',
    },
    {
      seed: '001',
      line: 63,
      leads: ['AG.SNV'],
      area: 'direction',
      due: '2018-10-15',
      title:
        'Báo cáo kết quả thực hiện CCHC, Chỉ số CCHC và Chỉ số PAPI của các sở, ban ngành và UBND các huyện, thị xã, thành phố',
    },
  ],
};

const NBCD18: DocumentSpec = {
  doc_no: 'KL-BCĐ-2018-10-01',
  key: 'BCD18',
  doc_type: 'TB',
  issued_on: '2018-10-01',
  meeting_on: '2018-10-01',
  issuer_code: null,
  signer: null,
  title:
    'Kết luận của Chủ tịch UBND tỉnh Phạm Ngọc Nghị, Trưởng Ban Chỉ đạo CCHC tỉnh tại cuộc họp Ban Chỉ đạo CCHC tỉnh 09 tháng đầu năm và triển khai nhiệm vụ 03 tháng cuối năm 2018',
  seed: '002',
  tasks: [
    {
      seed: '002',
      line: 25,
      leads: 'departments+districts',
      area: 'direction',
      index: 'PAR_INDEX',
      title:
        'Khắc phục hạn chế, khuyết điểm của từng nhiệm vụ CCHC nêu trong Báo cáo CCHC 09 tháng đầu năm 2018; chủ động tham mưu xử lý khó khăn, vướng mắc, lưu ý nội dung có thể làm mất điểm Chỉ số CCHC năm 2018',
    },
    {
      seed: '002',
      line: 27,
      leads: 'steering_members',
      area: 'direction',
      index: 'PAR_INDEX',
      title:
        'Khẩn trương có biện pháp, tham mưu UBND tỉnh, Ban Chỉ đạo tháo gỡ, hạn chế nội dung có khả năng mất điểm Chỉ số CCHC của tỉnh',
    },
    {
      seed: '002',
      line: 29,
      leads: 'departments+districts',
      area: 'direction',
      index: 'PAR_INDEX',
      title:
        'Thực hiện nghiêm Kế hoạch 6769/KH-UBND về cải thiện Chỉ số CCHC (PAR Index) và Chỉ số PAPI năm 2018; kịp thời báo cáo khó khăn, vướng mắc',
    },
    {
      seed: '002',
      line: 31,
      leads: 'departments+districts',
      area: 'organization',
      title:
        'Thực hiện nghiêm quy định về cơ cấu, số lượng lãnh đạo; chấm dứt hợp đồng lao động làm công việc chuyên môn của công chức (Công văn 7834/UBND-TH)',
    },
  ],
};

const NCT23: DocumentSpec = {
  doc_no: 'KL-CT-2023-11-27',
  key: 'CT23',
  doc_type: 'TB',
  issued_on: '2023-11-27',
  meeting_on: '2023-11-27',
  issuer_code: 'AG.CT',
  signer: 'Tô Minh Chánh',
  title:
    'Ý kiến kết luận của Chủ tịch UBND huyện Huỳnh Nam tại cuộc họp rà soát kết quả thực hiện các tiêu chí trong công tác cải cách hành chính năm 2023 trên địa bàn huyện',
  seed: '004',
  tasks: [
    {
      seed: '004',
      line: 19,
      leads: ['AG.CT'],
      support: ['AG.CT.PNV'],
      area: 'direction',
      index: 'PAR_INDEX',
      title:
        'Rà soát, lập danh sách các tiêu chí chưa đạt hay đạt thấp (Quyết định 3507/QĐ-UBND), tham mưu UBND huyện giải pháp hoàn thành các tiêu chí',
    },
    {
      seed: '004',
      line: 21,
      leads: ['AG.CT'],
      area: 'digital_government',
      title: 'Chỉ đạo công chức, viên chức lập, xử lý hồ sơ công việc trên môi trường điện tử theo đúng quy định',
    },
    {
      seed: '004',
      line: 21,
      leads: ['AG.CT.PTCKH', 'AG.CT.PTNMT'],
      area: 'digital_government',
      due: '2023-11-30',
      title: 'Hoàn thành việc lập danh mục hồ sơ công việc của cơ quan năm 2023',
    },
    {
      seed: '004',
      line: 23,
      leads: ['AG.CT'],
      area: 'digital_government',
      due: '2023-12-01',
      title:
        'Gửi, nhận văn bản điện tử trong nội bộ các cơ quan hành chính nhà nước, bảo đảm 100% văn bản trao đổi dưới dạng điện tử',
    },
    {
      seed: '004',
      line: 25,
      leads: 'communes',
      area: 'digital_government',
      due: '2023-12-10',
      title: 'Hoàn thành thiết lập sơ đồ thiết kế quản trị hệ thống mạng LAN',
    },
    {
      seed: '004',
      line: 27,
      leads: ['AG.CT'],
      area: 'procedures',
      title:
        'Thực hiện nghiêm Công văn 1176/UBND-VP về 05 chỉ tiêu dịch vụ công trực tuyến 6 tháng cuối năm 2023 và Thông báo 252/TB-UBND',
    },
    {
      seed: '004',
      line: 29,
      leads: ['AG.CT'],
      support: ['AG.CT.PNV'],
      area: 'civil_service',
      due: '2023-12-15',
      title: 'Đánh giá, xếp loại cán bộ, công chức, viên chức năm 2023 và gửi kết quả về Phòng Nội vụ',
    },
    {
      seed: '004',
      line: 33,
      leads: ['AG.CT.PNV'],
      area: 'organization',
      title:
        'Triển khai Kế hoạch của UBND tỉnh về Đề án đổi mới cơ chế quản lý đơn vị sự nghiệp công lập và Đề án đào tạo, bồi dưỡng cán bộ, công chức cấp xã sau khi UBND tỉnh ban hành',
    },
    {
      seed: '004',
      line: 35,
      leads: ['AG.CT.PNV'],
      area: 'direction',
      due: '2023-12-10',
      title: 'Hoàn thành kiểm tra, thanh tra các nội dung UBND huyện đã phân cấp, ủy quyền',
    },
    {
      seed: '004',
      line: 37,
      leads: ['AG.CT.PNV'],
      area: 'civil_service',
      due: '2023-12-10',
      title:
        'Hướng dẫn các phòng, ban chuyên môn, UBND các xã, thị trấn đánh giá, xếp loại cán bộ, công chức, viên chức',
    },
    {
      seed: '004',
      line: 39,
      leads: ['AG.CT.PNV'],
      support: ['AG.CT.TTVHTTTT'],
      area: 'direction',
      title: 'Thống nhất nội dung tuyên truyền CCHC gửi Trung tâm VH-TT-TT huyện để tuyên truyền theo quy định',
    },
    {
      seed: '004',
      line: 43,
      leads: ['AG.CT.VP'],
      area: 'procedures',
      due: '2023-12-31',
      title:
        'Tham mưu UBND huyện lựa chọn đơn vị dịch vụ công ích tiếp nhận hồ sơ tại Bộ phận Tiếp nhận và trả kết quả huyện',
    },
    {
      seed: '004',
      line: 45,
      leads: ['AG.CT.VP'],
      area: 'procedures',
      title:
        'Tham mưu thực hiện Kế hoạch thí điểm tiếp nhận, giải quyết TTHC không phụ thuộc địa giới hành chính và mô hình "Chính quyền đồng hành cùng nhân dân"',
    },
    {
      seed: '004',
      line: 47,
      leads: ['AG.CT.VP'],
      area: 'procedures',
      title:
        'Theo dõi, đôn đốc kiểm soát TTHC, nhất là 05 chỉ tiêu dịch vụ công trực tuyến; báo cáo UBND huyện vào thứ 6 hằng tuần',
    },
    {
      seed: '004',
      line: 49,
      leads: ['AG.CT.VP'],
      area: 'direction',
      title: 'Theo dõi, đôn đốc nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao, không để quá hạn hoặc giải quyết trễ hạn',
    },
    {
      seed: '004',
      line: 53,
      leads: ['AG.CT.PVHTT'],
      area: 'digital_government',
      due: '2023-12-10',
      title: 'Hướng dẫn, kiểm tra, đôn đốc các xã, thị trấn thiết lập sơ đồ thiết kế quản trị hệ thống mạng LAN',
    },
    {
      seed: '004',
      line: 55,
      leads: ['AG.CT.PVHTT'],
      area: 'direction',
      due: '2023-12-10',
      title:
        'Thiết kế pano, áp phích tuyên truyền CCHC (dịch vụ công trực tuyến, bưu chính công ích, thanh toán trực tuyến); duy trì Trang Zalo của huyện',
    },
    {
      seed: '004',
      line: 57,
      leads: ['AG.CT.PVHTT'],
      area: 'digital_government',
      due: '2023-12-01',
      title:
        'Kiểm tra, đôn đốc chỉ tiêu chính quyền điện tử, chuyển đổi số năm 2023; rà soát tỷ lệ trao đổi, xử lý văn bản điện tử của từng đơn vị',
    },
    {
      seed: '004',
      line: 63,
      leads: ['AG.CT.PTCKH'],
      area: 'public_finance',
      due: '2023-12-31',
      title: 'Tham mưu hoàn thành giải ngân vốn đầu tư từ ngân sách nhà nước năm 2023 đạt 95%',
    },
    {
      seed: '004',
      line: 67,
      leads: ['AG.CT.PKTHT'],
      area: 'direction',
      due: '2023-11-30',
      title: 'Tham mưu tổ chức họp xét duyệt sáng kiến kinh nghiệm năm 2023, nhất là sáng kiến về CCHC',
    },
    {
      seed: '004',
      line: 71,
      leads: ['AG.CT'],
      support: ['AG.CT.PNV'],
      area: 'direction',
      due: '2023-12-10',
      title:
        'Rà soát nhiệm vụ được UBND huyện phân cấp, ủy quyền; tổ chức kiểm tra và báo cáo kết quả về UBND huyện (qua Phòng Nội vụ)',
    },
    {
      seed: '004',
      line: 75,
      leads: ['AG.CT.TTVHTTTT'],
      support: ['AG.CT.PVHTT'],
      area: 'direction',
      due: '2023-12-10',
      title: 'Tổ chức tuyên truyền trực quan về CCHC: pano, áp phích',
    },
    {
      seed: '004',
      line: 77,
      leads: ['AG.CT.PNV', 'AG.CT.VP'],
      area: 'direction',
      title:
        'Kiểm tra, đôn đốc tiến độ thực hiện của các cơ quan, đơn vị, địa phương; báo cáo UBND huyện vào thứ 6 hằng tuần',
    },
    {
      seed: '004',
      line: 77,
      leads: ['AG.CT.PNV'],
      area: 'direction',
      title: 'Đánh giá mức độ hoàn thành nhiệm vụ; tham mưu chế tài xử lý cơ quan, đơn vị, địa phương không hoàn thành',
    },
  ],
};

const N317: DocumentSpec = {
  doc_no: '317/TB-VPUBND',
  key: '317',
  doc_type: 'TB',
  issued_on: '2024-11-12',
  meeting_on: '2024-11-05',
  issuer_code: 'AG.VP',
  signer: 'Trần Hòa Hợp',
  title: 'Kết luận của Chủ tịch Ủy ban nhân dân tỉnh Hồ Văn Mừng tại buổi làm việc với Sở Nội vụ',
  seed: '000',
  tasks: [
    {
      seed: '000',
      line: 17,
      leads: ['AG.SNV'],
      area: 'direction',
      index: 'PAR_INDEX',
      outcome: 'open',
      title:
        'Tích cực tham mưu và phối hợp tham mưu, phấn đấu các Chỉ số (SIPAS, Chỉ số CCHC, PAPI) cải thiện hơn so với năm 2023',
    },
    {
      seed: '000',
      line: 19,
      leads: ['AG.SNV'],
      area: 'direction',
      index: 'PAR_INDEX',
      due: '2024-11-15',
      outcome: { completed: '2024-11-14' },
      title:
        'Báo cáo rà soát, đánh giá việc thực hiện các chỉ số thành phần của các Chỉ số, nêu rõ trách nhiệm từng cơ quan, đơn vị, địa phương và đề xuất giải pháp',
    },
    {
      seed: '000',
      line: 21,
      leads: ['AG.SNV'],
      area: 'direction',
      index: 'PAR_INDEX',
      due: '2024-11-20',
      outcome: { completed: '2025-01-08' },
      title: 'Tham mưu Chủ tịch UBND tỉnh (Trưởng ban Ban Chỉ đạo CCHC tỉnh) tổ chức Hội nghị đánh giá các Chỉ số',
    },
    {
      seed: '000',
      line: 21,
      leads: ['AG.SNV'],
      area: 'direction',
      index: 'PAR_INDEX',
      outcome: 'open',
      title: 'Sau Hội nghị có kết luận và tham mưu UBND tỉnh hoặc Ban Thường vụ Tỉnh ủy có chỉ thị về các Chỉ số',
    },
    {
      seed: '000',
      line: 23,
      leads: ['AG.SNV'],
      area: 'direction',
      index: 'PAR_INDEX',
      due: '2025-01-31',
      outcome: { completed: '2025-02-12' },
      title:
        'Tham mưu UBND tỉnh giao nhiệm vụ cụ thể từng chỉ số thành phần đến từng cơ quan, đơn vị chủ trì và quy định thời gian hoàn thành',
    },
    {
      seed: '000',
      line: 23,
      leads: ['AG.SNV'],
      area: 'direction',
      index: 'PAR_INDEX',
      outcome: 'open',
      title: 'Sau Hội nghị công bố Chỉ số CCHC của Bộ Nội vụ, chủ động triển khai thực hiện các nhiệm vụ',
    },
    {
      seed: '000',
      line: 25,
      leads: ['AG.SNV'],
      area: 'direction',
      index: 'PAR_INDEX',
      outcome: 'open',
      title:
        'Đề xuất UBND tỉnh về cơ sở vật chất, chính sách tạo thuận lợi thực hiện các Chỉ số; tăng cường kiểm tra, đề xuất khen thưởng và phê bình',
    },
    {
      seed: '000',
      line: 29,
      leads: ['AG.SNV'],
      area: 'direction',
      index: 'PAR_INDEX',
      outcome: { completed: '2024-12-05' },
      title:
        'Tham mưu văn bản chỉ đạo, đôn đốc thực hiện CCHC, quy định trách nhiệm người đứng đầu nếu để mất điểm tiêu chí Chỉ số CCHC',
    },
    {
      seed: '000',
      line: 31,
      leads: ['AG.MTTQ'],
      area: 'impact',
      index: 'PAPI',
      outcome: 'open',
      title: 'Phối hợp thực hiện điều tra khảo sát Chỉ số PAPI một cách khách quan, trung thực',
    },
    {
      seed: '000',
      line: 35,
      leads: ['AG.SNV'],
      area: 'organization',
      outcome: 'open',
      title: 'Tham mưu thực hiện hoạt động các Ban Chỉ đạo, Hội đồng của tỉnh theo đúng quy định pháp luật',
    },
    {
      seed: '000',
      line: 37,
      leads: ['AG.SNV'],
      area: 'organization',
      outcome: 'open',
      title:
        'Chủ động thực hiện nhiệm vụ các lĩnh vực chuyên môn của ngành Nội vụ; tăng cường phối hợp với các sở, ngành, địa phương',
    },
    {
      seed: '000',
      line: 39,
      leads: ['AG.SNV'],
      area: 'civil_service',
      outcome: 'open',
      title:
        'Xác định đầy đủ hạn chế, tồn tại, nguyên nhân và giải pháp khắc phục; không để phát sinh vi phạm trong lĩnh vực ngành Nội vụ quản lý',
    },
    {
      seed: '000',
      line: 41,
      leads: ['AG.SNV'],
      area: 'civil_service',
      outcome: { completed: '2024-12-18' },
      title:
        'Tham mưu chỉ đạo công tác thi đua, khen thưởng của tỉnh và khối thi đua; văn bản đôn đốc thi đua đối với các chỉ tiêu',
    },
    {
      seed: '000',
      line: 45,
      leads: ['AG.SNV'],
      area: 'organization',
      outcome: { cancelled: '2025-02-20' },
      title:
        'Đề xuất UBND tỉnh trình Ban cán sự đảng UBND tỉnh xin chủ trương Ban Thường vụ Tỉnh ủy thành lập Sở Du lịch An Giang',
    },
    {
      seed: '000',
      line: 49,
      leads: ['AG.SNV'],
      area: 'organization',
      outcome: { completed: '2024-12-27' },
      title: 'Tham mưu UBND tỉnh đánh giá hoạt động Trung tâm Xúc tiến Thương mại Đầu tư tỉnh',
    },
    {
      seed: '000',
      line: 49,
      leads: ['AG.SNV'],
      area: 'other',
      outcome: { completed: '2025-01-20' },
      title: 'Tham mưu vinh danh cá nhân đóng góp trong việc thành lập tỉnh An Giang',
    },
    {
      seed: '000',
      line: 51,
      leads: ['AG.SNV'],
      area: 'organization',
      outcome: { cancelled: '2025-04-14' },
      title:
        'Triển khai sắp xếp đơn vị hành chính cấp xã (Đông Xuyên, Mỹ Xuyên) sau khi có ý kiến chỉ đạo của Trung ương',
    },
    {
      seed: '000',
      line: 53,
      leads: ['AG.SNV'],
      area: 'other',
      outcome: { completed: '2025-03-10' },
      title: 'Hướng dẫn các đơn vị bầu Ban Thanh tra nhân dân',
    },
    {
      seed: '000',
      line: 55,
      leads: ['AG.SNV'],
      area: 'organization',
      outcome: 'open',
      title:
        'Rà soát, kiện toàn bộ máy, lãnh đạo thuộc diện Ban Thường vụ Tỉnh ủy quản lý; rà soát tình hình thiếu cấp phó phòng của các sở, ban, ngành, báo cáo UBND tỉnh',
    },
  ],
};

/**
 * The one synthetic document: no seed notice falls due in the first half of January 2025, so a
 * Q4 2024 brief would have nothing "due soon" without it. Marked as synthetic in its title.
 */
const NGL: DocumentSpec = {
  doc_no: 'GL-01/UBND-TH',
  key: 'GL01',
  doc_type: 'CV',
  issued_on: '2024-12-02',
  meeting_on: null,
  issuer_code: 'AG',
  signer: null,
  title: 'Về việc đôn đốc thực hiện các chỉ tiêu dịch vụ công trực tuyến năm 2024 (văn bản giả lập của dữ liệu mẫu)',
  seed: null,
  tasks: [
    {
      seed: null,
      line: null,
      leads: 'districts',
      area: 'procedures',
      index: 'DVC766',
      due: '2025-01-10',
      title:
        'Báo cáo kết quả thực hiện 05 chỉ tiêu dịch vụ công trực tuyến năm 2024 và giải pháp nâng tỷ lệ hồ sơ tiếp nhận trực tuyến',
    },
    {
      seed: null,
      line: null,
      leads: ['AG.STTTT'],
      area: 'digital_government',
      index: 'DVC766',
      due: '2024-12-20',
      outcome: { completed: '2025-01-15' },
      title: 'Hoàn thành đồng bộ dữ liệu hồ sơ TTHC của các sở, ngành, địa phương với Cổng Dịch vụ công quốc gia',
    },
    {
      seed: null,
      line: null,
      leads: ['AG.VP'],
      area: 'procedures',
      index: 'DVC766',
      due: '2025-01-05',
      outcome: { completed: '2025-01-06' },
      title:
        'Tổng hợp, báo cáo UBND tỉnh tỷ lệ hồ sơ trực tuyến, thanh toán trực tuyến năm 2024 của các sở, ngành, địa phương',
    },
    {
      seed: null,
      line: null,
      leads: ['AG.STC'],
      area: 'public_finance',
      due: '2024-12-15',
      outcome: { completed: '2024-12-12' },
      title: 'Hướng dẫn miễn, giảm phí, lệ phí khi nộp hồ sơ TTHC trực tuyến',
    },
  ],
};

const N208: DocumentSpec = {
  doc_no: '208/TB-VPUBND',
  key: '208',
  doc_type: 'TB',
  issued_on: '2025-03-17',
  meeting_on: '2025-03-04',
  issuer_code: 'AG.VP',
  signer: 'Lê Kỳ Quang',
  title:
    'Kết luận của đồng chí Hồ Văn Mừng, Chủ tịch UBND tỉnh, Trưởng ban Chỉ đạo CCHC tỉnh tại Hội nghị tổng kết công tác cải cách hành chính năm 2024 và triển khai phương hướng, nhiệm vụ năm 2025',
  seed: '003',
  tasks: [
    {
      seed: '003',
      line: 81,
      leads: 'departments+districts',
      area: 'direction',
      title:
        'Tập trung thực hiện nghiêm túc, kịp thời, hiệu quả các chỉ đạo của Thủ tướng Chính phủ, Ban Thường vụ Tỉnh ủy về CCHC',
    },
    {
      seed: '003',
      line: 83,
      leads: ['AG.SNV'],
      area: 'direction',
      title:
        'Khẩn trương tham mưu UBND tỉnh cụ thể hóa các chỉ đạo của Thủ tướng Chính phủ, Ban Thường vụ Tỉnh ủy về CCHC thành các nhiệm vụ cụ thể',
    },
    {
      seed: '003',
      line: 87,
      leads: ['AG.SNV'],
      area: 'direction',
      index: 'PAR_INDEX',
      title: 'Xây dựng kế hoạch cụ thể, phân công rõ trách nhiệm, lộ trình nâng cao các Chỉ số Par Index, PAPI, SIPAS',
    },
    {
      seed: '003',
      line: 91,
      leads: 'departments+districts',
      area: 'direction',
      title:
        'Khắc phục triệt để tồn tại, hạn chế trong công tác phối hợp; đẩy nhanh tiến độ, chất lượng thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao',
    },
    {
      seed: '003',
      line: 94,
      leads: 'departments+districts',
      area: 'procedures',
      title: 'Có giải pháp đột phá về cải cách thủ tục hành chính trên cơ sở học tập kinh nghiệm và thực tế của tỉnh',
    },
    {
      seed: '003',
      line: 99,
      leads: 'departments+districts',
      area: 'direction',
      title:
        'Xác định rõ nội dung nhiệm vụ được giao, rà soát tồn tại, hạn chế, điểm nghẽn để có giải pháp khắc phục, tránh chung chung, hình thức',
    },
    {
      seed: '003',
      line: 104,
      leads: 'departments+districts',
      area: 'direction',
      title:
        'Tăng cường tuyên truyền, nâng cao nhận thức của cán bộ, công chức, viên chức và nhân dân về mục tiêu, ý nghĩa của công tác CCHC',
    },
    {
      seed: '003',
      line: 111,
      leads: ['AG.SNV'],
      area: 'direction',
      title:
        'Tham mưu UBND tỉnh chỉ đạo công tác CCHC gắn với đánh giá, đề bạt, bổ nhiệm cán bộ và khen thưởng, biểu dương đơn vị thực hiện tốt',
    },
    {
      seed: '003',
      line: 118,
      leads: ['AG.SVHTTDL', 'AG.BAG', 'AG.DPTTH'],
      area: 'direction',
      title: 'Tăng cường tuyên truyền công tác CCHC, có chuyên mục, chuyên đề cụ thể',
    },
    {
      seed: '003',
      line: 125,
      leads: ['AG.BAG', 'AG.DPTTH'],
      area: 'direction',
      title: 'Tuyên truyền các chủ trương, chính sách mới của Tỉnh và Trung ương, trong đó có chính sách về CCHC',
    },
    {
      seed: '003',
      line: 130,
      leads: ['AG.STP'],
      area: 'institutions',
      title:
        'Kiểm tra, rà soát, tham mưu UBND tỉnh ban hành văn bản quy phạm pháp luật kịp thời, hiệu quả thi hành luật, nghị định, thông tư',
    },
    {
      seed: '003',
      line: 138,
      leads: 'departments+districts',
      area: 'institutions',
      title:
        'Rà soát văn bản quy phạm pháp luật thuộc lĩnh vực, trách nhiệm của cơ quan để kịp thời tham mưu điều chỉnh',
    },
    {
      seed: '003',
      line: 148,
      leads: 'departments+districts',
      area: 'institutions',
      title: 'Xây dựng đội ngũ cán bộ pháp chế của đơn vị có chuyên môn và ổn định',
    },
    {
      seed: '003',
      line: 152,
      leads: ['AG.VP'],
      area: 'procedures',
      index: 'DVC766',
      title:
        'Tổ chức học tập kinh nghiệm; giải pháp giải quyết hồ sơ đúng hạn; duy trì, nâng cao bộ chỉ số phục vụ người dân và doanh nghiệp',
    },
    {
      seed: '003',
      line: 159,
      leads: ['AG.SNV'],
      area: 'organization',
      title:
        'Tham mưu sắp xếp, tinh gọn bộ máy theo chỉ đạo của Trung ương; sử dụng hiệu quả biên chế; tập huấn, bồi dưỡng chuyên môn',
    },
    {
      seed: '003',
      line: 167,
      leads: ['AG.SNV'],
      area: 'civil_service',
      title: 'Nghiên cứu ứng dụng, phần mềm quản lý cơ sở dữ liệu cán bộ, công chức; báo cáo, đề xuất UBND tỉnh',
    },
    {
      seed: '003',
      line: 172,
      leads: ['AG.SNV'],
      area: 'civil_service',
      due: '2025-03-31',
      title: 'Tham mưu UBND tỉnh kế hoạch giao nhiệm vụ trọng tâm đối với lãnh đạo các sở, ban ngành tỉnh',
    },
    {
      seed: '003',
      line: 177,
      leads: ['AG.STC'],
      area: 'public_finance',
      title:
        'Thực hiện nghiêm kết luận thanh tra, kiểm tra về tài chính; giải ngân vốn đầu tư công; quản lý nghiêm thu - chi ngân sách',
    },
    {
      seed: '003',
      line: 184,
      leads: ['AG.SKHCN'],
      area: 'digital_government',
      title:
        'Tham mưu nhiệm vụ, giải pháp xây dựng Chính quyền điện tử, Chính quyền số trọng tâm 4 lĩnh vực: giáo dục, y tế, điều hành, người dân',
    },
    {
      seed: '003',
      line: 191,
      leads: ['AG.STC'],
      area: 'public_finance',
      title:
        'Tham mưu UBND tỉnh trình HĐND tỉnh nghị quyết mức thu lệ phí dịch vụ công trực tuyến theo hướng miễn hoàn toàn',
    },
    {
      seed: '003',
      line: 197,
      leads: 'districts',
      area: 'procedures',
      title:
        'Rà soát, kiểm tra cơ sở vật chất Bộ phận Tiếp nhận và trả kết quả cấp xã; báo cáo nhu cầu về UBND tỉnh (qua Sở Nội vụ)',
    },
    {
      seed: '003',
      line: 202,
      leads: ['AG.SNV'],
      area: 'procedures',
      due: '2025-03-31',
      title: 'Tổng hợp nhu cầu cơ sở vật chất Bộ phận Tiếp nhận và trả kết quả cấp xã, báo cáo và đề xuất UBND tỉnh',
    },
    { seed: '003', line: 205, leads: ['AG.MTTQ'], area: 'direction', title: 'Tiếp tục tuyên truyền về công tác CCHC' },
    {
      seed: '003',
      line: 208,
      leads: ['AG.TDOAN'],
      support: ['AG.SKHCN'],
      area: 'digital_government',
      title: 'Triển khai mạnh mẽ phong trào "Bình dân học vụ số"',
    },
    {
      seed: '003',
      line: 209,
      leads: ['AG.SGDDT'],
      area: 'digital_government',
      title: 'Triển khai phong trào "Bình dân học vụ số" đến học sinh, sinh viên toàn tỉnh',
    },
  ],
};

/**
 * Synthetic documents of old Kiên Giang and of the new province (2025-H2, 2026), marked as such in
 * their titles, so that briefs after the merger have inherited and new tasks to follow.
 */
const SYNTHETIC = '(văn bản giả lập của dữ liệu mẫu)';

const NKG: DocumentSpec = {
  doc_no: 'GL-KG-01/TB-VPUBND',
  key: 'GLKG',
  doc_type: 'TB',
  issued_on: '2025-02-20',
  meeting_on: '2025-02-14',
  issuer_code: 'KG.VP',
  signer: null,
  title: `Kết luận của Chủ tịch UBND tỉnh Kiên Giang tại Hội nghị tổng kết công tác CCHC năm 2024 ${SYNTHETIC}`,
  seed: null,
  tasks: [
    {
      seed: null,
      line: null,
      leads: 'kg_departments+districts',
      area: 'direction',
      index: 'PAR_INDEX',
      due: '2025-04-30',
      title: 'Ban hành kế hoạch khắc phục hạn chế của Chỉ số CCHC năm 2024, báo cáo UBND tỉnh (qua Sở Nội vụ)',
    },
    {
      seed: null,
      line: null,
      leads: 'kg_departments+districts',
      area: 'procedures',
      index: 'DVC766',
      title:
        'Nâng tỷ lệ hồ sơ tiếp nhận trực tuyến, thanh toán trực tuyến; công khai kết quả giải quyết hồ sơ trên Cổng Dịch vụ công',
    },
    {
      seed: null,
      line: null,
      leads: ['KG.SNV'],
      area: 'organization',
      due: '2025-06-15',
      title: 'Tham mưu phương án sắp xếp bộ máy, biên chế khi hợp nhất tỉnh và kết thúc cấp huyện',
    },
    {
      seed: null,
      line: null,
      leads: ['KG.STTTT'],
      area: 'digital_government',
      due: '2025-02-27',
      title:
        'Hoàn thành chuyển giao hệ thống thông tin giải quyết TTHC trước khi hợp nhất Sở Thông tin và Truyền thông vào Sở Khoa học và Công nghệ',
    },
    {
      seed: null,
      line: null,
      leads: ['KG.STC'],
      area: 'public_finance',
      due: '2025-09-30',
      title: 'Kiểm kê, bàn giao tài sản, tài chính, ngân sách của các cơ quan, đơn vị khi sắp xếp',
    },
  ],
};

const NAGM1: DocumentSpec = {
  doc_no: 'GL-02/TB-VPUBND',
  key: 'GL02',
  doc_type: 'TB',
  issued_on: '2025-09-12',
  meeting_on: '2025-09-05',
  issuer_code: 'AGM.VP',
  signer: null,
  title: `Kết luận của Chủ tịch UBND tỉnh tại Hội nghị triển khai công tác CCHC sau hợp nhất tỉnh và vận hành chính quyền địa phương hai cấp ${SYNTHETIC}`,
  seed: null,
  tasks: [
    {
      seed: null,
      line: null,
      leads: 'new_communes',
      area: 'procedures',
      due: '2025-10-31',
      title:
        'Kiện toàn Bộ phận Tiếp nhận và trả kết quả cấp xã; công khai đầy đủ TTHC thuộc thẩm quyền cấp xã sau sắp xếp',
    },
    {
      seed: null,
      line: null,
      leads: 'new_communes',
      area: 'digital_government',
      index: 'DVC766',
      due: '2025-12-31',
      title: 'Số hóa hồ sơ, kết quả giải quyết TTHC; đạt tỷ lệ hồ sơ trực tuyến toàn trình theo chỉ tiêu được giao',
    },
    {
      seed: null,
      line: null,
      leads: ['AGM.SNV'],
      area: 'organization',
      due: '2025-11-30',
      title: 'Tham mưu quy định chức năng, nhiệm vụ, cơ cấu tổ chức của các sở và UBND cấp xã sau sắp xếp',
    },
    {
      seed: null,
      line: null,
      leads: ['AGM.SKHCN'],
      area: 'digital_government',
      index: 'DVC766',
      due: '2025-10-15',
      title: 'Hợp nhất hệ thống thông tin giải quyết TTHC của hai tỉnh cũ, bảo đảm liên thông dữ liệu hồ sơ',
    },
    {
      seed: null,
      line: null,
      leads: ['AGM.VP'],
      area: 'procedures',
      index: 'DVC766',
      title: 'Theo dõi hằng tháng Bộ chỉ số phục vụ người dân, doanh nghiệp (766) của tỉnh, báo cáo Chủ tịch UBND tỉnh',
    },
    {
      seed: null,
      line: null,
      leads: ['AGM.STP'],
      area: 'institutions',
      due: '2025-12-31',
      title: 'Rà soát văn bản quy phạm pháp luật của hai tỉnh cũ, tham mưu bãi bỏ, thay thế văn bản không còn phù hợp',
    },
  ],
};

const NAGM2: DocumentSpec = {
  doc_no: 'GL-03/TB-VPUBND',
  key: 'GL03',
  doc_type: 'TB',
  issued_on: '2026-01-22',
  meeting_on: '2026-01-15',
  issuer_code: 'AGM.VP',
  signer: null,
  title: `Kết luận của Chủ tịch UBND tỉnh tại Hội nghị tổng kết công tác CCHC năm 2025, triển khai nhiệm vụ năm 2026 ${SYNTHETIC}`,
  seed: null,
  tasks: [
    {
      seed: null,
      line: null,
      leads: 'new_departments+communes',
      area: 'direction',
      index: 'PAR_INDEX',
      due: '2026-03-31',
      title:
        'Ban hành Kế hoạch CCHC năm 2026, xác định nhiệm vụ trọng tâm, người chịu trách nhiệm và thời hạn hoàn thành',
    },
    {
      seed: null,
      line: null,
      leads: 'new_communes',
      area: 'procedures',
      index: 'DVC766',
      due: '2026-06-30',
      title: 'Giải quyết hồ sơ TTHC đúng hạn; xin lỗi người dân, doanh nghiệp khi trễ hạn; không để hồ sơ tồn đọng',
    },
    {
      seed: null,
      line: null,
      leads: ['AGM.SNV'],
      area: 'direction',
      index: 'PAR_INDEX',
      due: '2026-02-28',
      title: 'Tham mưu Kế hoạch nâng cao Chỉ số CCHC, PAPI, SIPAS năm 2026 của tỉnh',
    },
    {
      seed: null,
      line: null,
      leads: ['AGM.STC'],
      area: 'public_finance',
      due: '2026-04-30',
      title: 'Tham mưu cơ chế hỗ trợ phí, lệ phí khi nộp hồ sơ trực tuyến toàn trình',
    },
    {
      seed: null,
      line: null,
      leads: ['AGM.SKHCN'],
      area: 'digital_government',
      title: 'Theo dõi, đôn đốc các sở và UBND cấp xã nâng tỷ lệ hồ sơ trực tuyến toàn trình',
    },
  ],
};

const NAGM3: DocumentSpec = {
  doc_no: 'GL-04/TB-VPUBND',
  key: 'GL04',
  doc_type: 'TB',
  issued_on: '2026-07-16',
  meeting_on: '2026-07-09',
  issuer_code: 'AGM.VP',
  signer: null,
  title: `Kết luận của Chủ tịch UBND tỉnh tại phiên họp Ban Chỉ đạo CCHC tỉnh sơ kết 6 tháng đầu năm 2026 ${SYNTHETIC}`,
  seed: null,
  tasks: [
    {
      seed: null,
      line: null,
      leads: 'new_communes',
      area: 'procedures',
      index: 'DVC766',
      due: '2026-09-30',
      title: 'Rà soát nguyên nhân hồ sơ trễ hạn 6 tháng đầu năm 2026, có giải pháp khắc phục trong quý III',
    },
    {
      seed: null,
      line: null,
      leads: 'new_departments',
      area: 'digital_government',
      index: 'DVC766',
      due: '2026-10-15',
      title:
        'Cung cấp dịch vụ công trực tuyến toàn trình đối với các TTHC đủ điều kiện; báo cáo kết quả về Sở Khoa học và Công nghệ',
    },
    {
      seed: null,
      line: null,
      leads: ['AGM.SNV'],
      area: 'civil_service',
      due: '2026-08-31',
      title: 'Kiểm tra công vụ tại UBND cấp xã có tỷ lệ hồ sơ trễ hạn cao',
    },
    {
      seed: null,
      line: null,
      leads: ['AGM.VP'],
      area: 'procedures',
      due: '2026-10-10',
      title: 'Tổng hợp kết quả Bộ chỉ số 766 quý III/2026, đề xuất biểu dương, phê bình',
    },
  ],
};

export const DOCUMENTS: readonly DocumentSpec[] = [N270, NBCD18, NCT23, N317, NGL, N208, NKG, NAGM1, NAGM2, NAGM3];
