import { parseDocumentList, type Procedure } from '@qms/core';

/**
 * A sample of commune-level procedures per field (tên thủ tục, thời hạn giải quyết in working
 * days, lệ phí in VND) as a ward's catalog shows them. Real sites import their own catalog.
 */
const CATALOG: Array<[string, string, string, number, number]> = [
  ['tu-phap-ho-tich', 'KS', 'Đăng ký khai sinh', 0, 0],
  ['tu-phap-ho-tich', 'KH', 'Đăng ký kết hôn', 0, 0],
  ['tu-phap-ho-tich', 'KT', 'Đăng ký khai tử', 0, 0],
  ['tu-phap-ho-tich', 'XNTTHN', 'Cấp Giấy xác nhận tình trạng hôn nhân', 3, 0],
  ['tu-phap-ho-tich', 'TDHT', 'Thay đổi, cải chính, bổ sung thông tin hộ tịch', 3, 0],
  ['chung-thuc', 'CTBS', 'Chứng thực bản sao từ bản chính', 0, 2000],
  ['chung-thuc', 'CTCK', 'Chứng thực chữ ký', 0, 10000],
  ['chung-thuc', 'CTHD', 'Chứng thực hợp đồng, giao dịch', 2, 50000],
  ['dat-dai-xay-dung', 'DKDD', 'Đăng ký biến động đất đai', 10, 0],
  ['dat-dai-xay-dung', 'GPXD', 'Cấp giấy phép xây dựng nhà ở riêng lẻ', 15, 75000],
  ['dat-dai-xay-dung', 'HGDD', 'Hòa giải tranh chấp đất đai', 30, 0],
  ['van-hoa-xa-hoi', 'TCXH', 'Trợ cấp xã hội hằng tháng', 7, 0],
  ['van-hoa-xa-hoi', 'BHYT', 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', 5, 0],
  ['van-hoa-xa-hoi', 'NCC', 'Giải quyết chế độ ưu đãi người có công', 12, 0],
  ['kinh-doanh', 'HKD', 'Đăng ký thành lập hộ kinh doanh', 3, 100000],
  ['kinh-doanh', 'HKDTD', 'Đăng ký thay đổi nội dung hộ kinh doanh', 3, 50000],
  ['cu-tru', 'DKTT', 'Đăng ký thường trú', 7, 20000],
  ['cu-tru', 'DKTMT', 'Đăng ký tạm trú', 3, 15000],
  ['cu-tru', 'XNCT', 'Xác nhận thông tin về cư trú', 1, 0],
  ['tra-ket-qua', 'TKQ', 'Trả kết quả hồ sơ', 0, 0],
];

/** Thành phần hồ sơ of some of them, in the catalog's text form (see parseDocumentList in core). */
const DOCUMENTS: Record<string, string> = {
  KS: 'Tờ khai đăng ký khai sinh (bản chính)\nGiấy chứng sinh (bản chính)',
  KH: 'Tờ khai đăng ký kết hôn (bản chính)\nGiấy xác nhận tình trạng hôn nhân (bản chính)',
  KT: 'Tờ khai đăng ký khai tử (bản chính)\nGiấy báo tử hoặc giấy tờ thay giấy báo tử (bản chính)',
  XNTTHN: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (bản chính)',
  CTBS: 'Bản chính giấy tờ cần chứng thực (bản chính)\nBản sao cần chứng thực (bản sao)',
  HKD: 'Giấy đề nghị đăng ký hộ kinh doanh (bản chính)\nBiên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (bản sao)',
  DKTT: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)\nGiấy tờ, tài liệu chứng minh chỗ ở hợp pháp (bản sao)',
  DKTMT: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)\nGiấy tờ, tài liệu chứng minh chỗ ở hợp pháp',
  XNCT: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)',
};

export function demoProcedures(): Procedure[] {
  return CATALOG.map(([fieldId, code, name, processingDays, fee]) => ({
    id: `tt-${code.toLowerCase()}`,
    fieldId,
    code,
    name,
    processingDays,
    // Nghị định 23/2015/NĐ-CP, điều 7: a certification asked for after 15:00 is done the next working day
    cutoffTime: fieldId === 'chung-thuc' && processingDays === 0 ? '15:00' : null,
    fee,
    enabled: true,
    documents: parseDocumentList(DOCUMENTS[code] ?? ''),
  }));
}
