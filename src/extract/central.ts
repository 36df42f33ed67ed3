/**
 * Names that are never units of a province's table but appear as leads in notices: ministries and
 * other central bodies, provinces, and the sector names ministries and departments share. A lead
 * found here is kept as written (in this canonical spelling) and flagged for review; it is never
 * mapped onto one of the loaded province's units. `docs/extract.md` lists the same bodies.
 */

/** Sectors of ministries (current and before the 2025 mergers); departments carry the same names. */
export const SECTORS = [
  'Công an',
  'Quốc phòng',
  'Ngoại giao',
  'Nội vụ',
  'Tư pháp',
  'Tài chính',
  'Công Thương',
  'Nông nghiệp và Môi trường',
  'Nông nghiệp và Phát triển nông thôn',
  'Tài nguyên và Môi trường',
  'Xây dựng',
  'Giao thông vận tải',
  'Văn hóa, Thể thao và Du lịch',
  'Khoa học và Công nghệ',
  'Thông tin và Truyền thông',
  'Giáo dục và Đào tạo',
  'Y tế',
  'Dân tộc và Tôn giáo',
  'Kế hoạch và Đầu tư',
  'Lao động - Thương binh và Xã hội',
  'Ngoại vụ',
];

/** Central bodies other than the ministries ("Bộ " + a sector). */
export const CENTRAL_BODIES = [
  'Văn phòng Chính phủ',
  'Thanh tra Chính phủ',
  'Ngân hàng Nhà nước Việt Nam',
  'Ngân hàng Nhà nước',
  'Kiểm toán Nhà nước',
  'Ủy ban Dân tộc',
  'Ủy ban Quản lý vốn nhà nước tại doanh nghiệp',
  'Bảo hiểm xã hội Việt Nam',
  'Đài Truyền hình Việt Nam',
  'Đài Tiếng nói Việt Nam',
  'Thông tấn xã Việt Nam',
  'Viện Hàn lâm Khoa học và Công nghệ Việt Nam',
  'Viện Hàn lâm Khoa học xã hội Việt Nam',
  'Tòa án nhân dân tối cao',
  'Viện kiểm sát nhân dân tối cao',
  'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam',
  'Tổng Liên đoàn Lao động Việt Nam',
  'Ban Tổ chức Trung ương',
  'Ban Tuyên giáo Trung ương',
  'Ban Kinh tế Trung ương',
  'Văn phòng Trung ương Đảng',
  'Văn phòng Quốc hội',
  'Tập đoàn Điện lực Việt Nam',
  'Tập đoàn Dầu khí Việt Nam',
  'Tập đoàn Công nghiệp - Viễn thông Quân đội',
  'Tập đoàn Bưu chính Viễn thông Việt Nam',
];

/** Bodies above a province's committee: a notice asks them ("đề nghị", "kiến nghị"), it does not assign them. */
export const HIGHER_BODIES = [
  'Thủ tướng Chính phủ',
  'Chính phủ',
  'Bộ Chính trị',
  'Ban Bí thư',
  'Quốc hội',
  'Thường trực Tỉnh ủy',
  'Ban Thường vụ Tỉnh ủy',
  'Tỉnh ủy',
  'Thường trực Thành ủy',
  'Ban Thường vụ Thành ủy',
  'Thành ủy',
  'Thường trực Hội đồng nhân dân tỉnh',
  'Hội đồng nhân dân tỉnh',
  'Thường trực Huyện ủy',
  'Huyện ủy',
];

/** Provinces and centrally-run cities, before and after the 2025 mergers. */
export const PROVINCES = [
  'An Giang', 'Bà Rịa - Vũng Tàu', 'Bạc Liêu', 'Bắc Giang', 'Bắc Kạn', 'Bắc Ninh', 'Bến Tre', 'Bình Dương',
  'Bình Định', 'Bình Phước', 'Bình Thuận', 'Cà Mau', 'Cao Bằng', 'Cần Thơ', 'Đà Nẵng', 'Đắk Lắk', 'Đắk Nông',
  'Điện Biên', 'Đồng Nai', 'Đồng Tháp', 'Gia Lai', 'Hà Giang', 'Hà Nam', 'Hà Nội', 'Hà Tĩnh', 'Hải Dương',
  'Hải Phòng', 'Hậu Giang', 'Hòa Bình', 'Hồ Chí Minh', 'Huế', 'Thừa Thiên Huế', 'Hưng Yên', 'Khánh Hòa',
  'Kiên Giang', 'Kon Tum', 'Lai Châu', 'Lạng Sơn', 'Lào Cai', 'Lâm Đồng', 'Long An', 'Nam Định', 'Nghệ An',
  'Ninh Bình', 'Ninh Thuận', 'Phú Thọ', 'Phú Yên', 'Quảng Bình', 'Quảng Nam', 'Quảng Ngãi', 'Quảng Ninh',
  'Quảng Trị', 'Sóc Trăng', 'Sơn La', 'Tây Ninh', 'Thái Bình', 'Thái Nguyên', 'Thanh Hóa', 'Tiền Giang',
  'Trà Vinh', 'Tuyên Quang', 'Vĩnh Long', 'Vĩnh Phúc', 'Yên Bái',
];
