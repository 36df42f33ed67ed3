/**
 * A small data folder where two provinces merge (A and B into N on 1 July 2025), for the lineage
 * rules of docs/metrics.md: a district abolished into the new province (A.H1 → N), departments merged
 * (A.D1, B.D1 → N.D1), a commune taken over whole (A.H1.X1 → N.X1), a commune divided between two
 * new communes of N (A.H1.X2 → N.X1, N.X2), a commune divided between N and another province
 * (B.X4 → N.X2, Q.X1), a commune that ended with no lineage (A.H1.X3) and a department that starts
 * after the first quarter of 2026 (N.D2). Written as CSV so both sides read it like any folder.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const END = '2025-06-30';
const START = '2025-07-01';

const csv = (header: string, rows: string[]) => [header, ...rows].join('\n') + '\n';

export const LINEAGE_FILES: Record<string, string> = {
  'units.csv': csv('unit_code,name,short_name,kind,parent_code,valid_from,valid_to,successor_code', [
    `A,UBND tỉnh A,A,province,,,${END},N`,
    `A.D1,Sở Một tỉnh A,S1A,department,A,,${END},`,
    `A.H1,UBND huyện Một,H1,district,A,,${END},N`,
    `A.H1.X1,UBND xã Một,X1,commune,A.H1,,${END},`,
    `A.H1.X2,UBND xã Hai,X2,commune,A.H1,,${END},`,
    `A.H1.X3,UBND xã Ba,X3,commune,A.H1,,${END},`,
    `B,UBND tỉnh B,B,province,,,${END},N`,
    `B.D1,Sở Một tỉnh B,S1B,department,B,,${END},`,
    `B.X1,UBND xã Bốn,X4,commune,B,,${END},`,
    `B.X4,UBND xã Năm,X5,commune,B,,${END},`,
    `N,UBND tỉnh N,N,province,,${START},,`,
    `N.D1,Sở Một,S1,department,N,${START},,`,
    `N.D2,Sở Hai,S2,department,N,2026-04-01,,`,
    `N.X1,UBND xã Hòa,Hòa,commune,N,${START},,`,
    `N.X2,UBND xã Bình,Bình,commune,N,${START},,`,
    `Q,UBND tỉnh Q,Q,province,,,,`,
    `Q.X1,UBND xã Ven,Ven,commune,Q,${START},,`,
  ]),
  'unit_lineage.csv': csv(
    'from_code,to_code,effective_on,kind',
    [
      'A.D1,N.D1,merged',
      'B.D1,N.D1,merged',
      'A.H1.X1,N.X1,merged',
      'A.H1.X2,N.X1,divided',
      'A.H1.X2,N.X2,divided',
      'B.X1,N.X2,merged',
      'B.X4,N.X2,divided',
      'B.X4,Q.X1,divided',
    ].map((r) => r.replace(/,(\w+)$/, `,${START},$1`)),
  ),
  'tasks.csv': csv(
    'task_id,doc_no,lead_unit,support_units,title,area,index_code,assigned_on,due_on,completed_on,cancelled_on',
    [
      'TA01,,A.D1,,Carried to N.D1 and overdue,direction,,2024-03-01,2025-03-31,,',
      'TA02,,A.H1,,District task the new province owns,direction,,2025-01-10,2026-04-05,,',
      'TA03,,A.H1.X2,,Divided commune: the null row,procedures,,2025-02-01,2025-12-31,2026-01-15,',
      'TA04,,A.H1.X3,,Ended with no lineage: reaches no brief of N,procedures,,2025-01-01,,,',
      'TA05,,B.X4,,Divided across provinces: left out,procedures,,2025-05-01,2026-06-30,,',
      "TA06,,B,,Old province people's committee: N's own row,direction,,2025-04-01,2025-06-30,2025-06-20,",
      'TA07,,N.X1,,New commune task,direction,,2025-08-01,2026-02-28,,',
      'TA08,,B.X1,,Due on D,direction,,2025-03-01,2026-03-31,,',
      'TA09,,A,,Cancelled,direction,,2024-12-01,,,2025-01-05',
      'TA10,,B.D1,,Done late after the merger,direction,,2025-06-01,2025-06-15,2025-07-10,',
      'TA11,,Q.X1,,Another province,direction,,2025-09-01,2026-01-31,,',
      'TA12,,A.H1.X1,,Overdue in N.X1,direction,,2025-01-15,2025-03-01,,',
      'TA13,,N,,Assigned in 2026-Q1,direction,,2026-02-10,2026-03-20,2026-03-05,',
      'TA14,,A.H1.X2,,Assigned and done in 2025-Q1,direction,,2025-01-05,2025-02-28,2025-02-10,',
    ],
  ),
  'dossiers.csv': csv(
    'dossier_id,unit_code,procedure_code,channel,online_eligible,' +
      'received_on,due_on,resolved_on,paid_online,fully_online',
    [
      'D01,A.D1,,online,true,2025-01-10,2025-01-20,2025-01-18,true,true',
      'D02,A.D1,,direct,true,2025-02-10,2025-02-20,2025-02-25,false,false',
      'D03,A.H1.X2,,online,true,2025-03-05,,2025-03-06,false,',
      'D04,B.X4,,online,true,2025-01-15,2025-01-30,2025-01-20,true,true',
      'D05,A.H1.X3,,online,true,2025-02-01,,,,',
      'D06,Q.X1,,online,true,2026-01-10,,,,true',
      'D07,N.D1,,online,true,2026-01-05,2026-01-15,2026-01-14,true,true',
      'D08,N.D1,,direct,false,2026-02-05,2026-02-15,2026-02-20,false,false',
      'D09,N.X1,,online,true,2026-03-01,2026-03-10,2026-03-09,false,',
      'D10,N,,postal,false,2026-03-31,,,,false',
      'D11,A.H1.X1,,online,true,2024-12-28,2025-01-05,2025-01-03,true,true',
      'D12,B,,direct,true,2025-03-20,2025-03-25,2025-03-24,,false',
    ],
  ),
  'dossier_stats.csv': csv('unit_code,month,received,received_online,resolved,resolved_on_time,received_fully_online', [
    'B.X1,2025-02,20,8,18,15,3',
    'B.X1,2025-03,10,5,10,10,',
    'N.X2,2026-02,30,12,25,20,6',
    'N.X2,2026-03,0,0,0,0,0',
  ]),
  'targets.csv': csv('metric,year,unit_code,target', [
    'online_ratio,2026,N,0.85',
    'online_ratio,2026,,0.8',
    'online_ratio,2025,,0.7',
  ]),
  'index_scores.csv': csv('index_code,period,unit_code,component,score,max_score,rank,rank_of', [
    'PAR_INDEX,2023,A,TOTAL,80.5,100,,',
    'PAR_INDEX,2023,B,TOTAL,82,100,,',
    'PAR_INDEX,2023,Q,TOTAL,80.5,100,,',
    'PAR_INDEX,2024,A,TOTAL,84.25,100,,',
    'PAR_INDEX,2024,B,TOTAL,83,100,,',
    'PAR_INDEX,2024,Q,TOTAL,81,100,,',
    'PAR_INDEX,2025,N,TOTAL,86,100,,',
    'PAR_INDEX,2025,Q,TOTAL,88,100,,',
    'PAPI,2024,A,TOTAL,42.5,80,10,63',
    'PAPI,2025,N,TOTAL,44.75,80,5,34',
  ]),
  'criteria.csv': csv('year,criterion_code,area,title,max_points,lead_unit,due_on', [
    '2025,1.1,direction,Kế hoạch,2,,2025-03-31',
    '2025,2.1,procedures,Thủ tục,3,,2025-11-30',
    '2026,1.1,direction,Kế hoạch,2,,2026-03-31',
    '2026,2.1,procedures,Thủ tục,3,,2026-06-30',
    '2026,3.1,digital_government,Số hóa,1.5,,',
  ]),
  'criteria_results.csv': csv('year,unit_code,criterion_code,status,points,assessed_on', [
    '2025,A.H1.X1,1.1,achieved,2,2025-05-01',
    '2025,B.X4,1.1,not_achieved,0.5,2025-05-01',
    '2025,N.X1,2.1,in_progress,,2025-10-01',
    '2026,N.X1,1.1,achieved,2,2026-02-01',
    '2026,N.X2,1.1,not_achieved,1,2026-03-01',
    '2026,N.X2,3.1,achieved,1.5,2026-03-01',
    '2026,N.D1,2.1,achieved,3,2026-03-15',
  ]),
};

export function writeLineageFixture(dir: string): string {
  for (const [name, text] of Object.entries(LINEAGE_FILES)) writeFileSync(path.join(dir, name), text);
  return dir;
}
