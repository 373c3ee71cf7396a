/**
 * Demo question bank for Legal Arena (nội dung minh họa).
 *
 * Written for the demo bank only: multiple-choice, multiple-answer and true/false questions on
 * Vietnamese laws in force in late 2026, for pupils, students, youth-union members and residents.
 * Every question carries an explanation and cites the provision it rests on (document, number,
 * article, clause). Fine amounts are deliberately left out, since they change by decree.
 *
 * Organizers must review every question against the official text (vbpl.vn, Công báo) before
 * real use: laws are amended often (e.g. Luật số 118/2025/QH15 amended the road-traffic and
 * identity laws from 01/7/2026; Luật An ninh mạng 2025 replaced the 2018 law from 01/7/2026;
 * a revised Luật Đất đai is on the 2026 legislative programme).
 */
import type { Difficulty, LegalCitation, QuestionDraft, QuestionOption, QuestionType } from "../app/questions/draft";

const GT = "Trật tự, an toàn giao thông đường bộ";
const HN = "Hôn nhân và gia đình";
const DD = "Đất đai";
const LD = "Lao động";
const ANM = "An ninh mạng";
const CC = "Căn cước";
const BLGD = "Phòng, chống bạo lực gia đình";
const TE = "Trẻ em";
const HP = "Hiến pháp";

export const DEMO_TOPICS: string[] = [GT, HN, DD, LD, ANM, CC, BLGD, TE, HP];

function law(document: string, number: string | null) {
  return (article: string, clause: string | null = null): LegalCitation => ({ document, number, article, clause });
}

const luatGT = law("Luật Trật tự, an toàn giao thông đường bộ", "36/2024/QH15");
const luatHN = law("Luật Hôn nhân và gia đình", "52/2014/QH13");
const luatDD = law("Luật Đất đai", "31/2024/QH15");
const boLuatLD = law("Bộ luật Lao động", "45/2019/QH14");
const luatANM = law("Luật An ninh mạng", "116/2025/QH15");
const luatCC = law("Luật Căn cước", "26/2023/QH15");
const luatBLGD = law("Luật Phòng, chống bạo lực gia đình", "13/2022/QH15");
const luatTE = law("Luật Trẻ em", "102/2016/QH13");
const hienPhap = law("Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013 (sửa đổi, bổ sung năm 2025)", null);

const ok = (text: string): QuestionOption => ({ text, correct: true });
const no = (text: string): QuestionOption => ({ text, correct: false });

interface Spec {
  id: string;
  topic: string;
  level: Difficulty;
  stem: string;
  explanation: string;
  cite: LegalCitation;
}

function make(type: QuestionType, spec: Spec, options: QuestionOption[]): QuestionDraft {
  return {
    type,
    stem: spec.stem,
    options,
    explanation: spec.explanation,
    citation: spec.cite,
    topics: [spec.topic],
    difficulty: spec.level,
    externalId: spec.id,
  };
}

const single = (spec: Spec, options: QuestionOption[]) => make("SINGLE_CHOICE", spec, options);
const multiple = (spec: Spec, options: QuestionOption[]) => make("MULTIPLE_CHOICE", spec, options);
const trueFalse = (spec: Spec, isTrue: boolean) =>
  make("TRUE_FALSE", spec, [
    { text: "Đúng", correct: isTrue },
    { text: "Sai", correct: !isTrue },
  ]);

const giaoThong: QuestionDraft[] = [
  single(
    {
      id: "GT-001",
      topic: GT,
      level: "EASY",
      stem: "Theo Luật Trật tự, an toàn giao thông đường bộ năm 2024, quy định nào sau đây đúng về nồng độ cồn khi điều khiển phương tiện?",
      explanation:
        "Khoản 2 Điều 9 nghiêm cấm điều khiển phương tiện tham gia giao thông đường bộ mà trong máu hoặc hơi thở có nồng độ cồn. Luật không đặt ra ngưỡng được phép và không phân biệt loại phương tiện hay thời điểm.",
      cite: luatGT("Điều 9", "khoản 2"),
    },
    [
      no("Được phép điều khiển nếu nồng độ cồn trong hơi thở còn ở mức thấp"),
      no("Chỉ cấm đối với người lái xe ô tô, không áp dụng với người đi xe máy"),
      ok("Nghiêm cấm điều khiển phương tiện khi trong máu hoặc hơi thở có nồng độ cồn"),
      no("Chỉ cấm khi tham gia giao thông vào ban đêm"),
    ],
  ),
  trueFalse(
    {
      id: "GT-002",
      topic: GT,
      level: "MEDIUM",
      stem: "Người đi xe đạp được phép tham gia giao thông khi trong máu hoặc hơi thở có nồng độ cồn, vì xe đạp không phải là xe cơ giới.",
      explanation:
        "Phương tiện giao thông đường bộ gồm cả xe thô sơ như xe đạp (khoản 2 Điều 2). Khoản 2 Điều 9 nghiêm cấm điều khiển phương tiện tham gia giao thông đường bộ mà trong máu hoặc hơi thở có nồng độ cồn, nên người đi xe đạp cũng không được có nồng độ cồn.",
      cite: luatGT("Điều 9", "khoản 2"),
    },
    false,
  ),
  single(
    {
      id: "GT-003",
      topic: GT,
      level: "EASY",
      stem: "Khi đang điều khiển xe máy di chuyển trên đường, anh A dùng tay cầm điện thoại để nghe gọi. Theo Luật Trật tự, an toàn giao thông đường bộ, hành vi này:",
      explanation:
        "Khoản 6 Điều 9 nghiêm cấm dùng tay cầm và sử dụng điện thoại hoặc thiết bị điện tử khác khi điều khiển phương tiện tham gia giao thông đang di chuyển trên đường bộ.",
      cite: luatGT("Điều 9", "khoản 6"),
    },
    [
      ok("Là hành vi bị nghiêm cấm"),
      no("Chỉ bị cấm khi đi trên đường cao tốc"),
      no("Được phép nếu cuộc gọi ngắn"),
      no("Được phép nếu xe đi với tốc độ chậm"),
    ],
  ),
  single(
    {
      id: "GT-004",
      topic: GT,
      level: "EASY",
      stem: "Trên xe gắn máy, những ai phải đội mũ bảo hiểm theo đúng quy chuẩn kỹ thuật quốc gia và cài quai đúng quy cách?",
      explanation:
        "Khoản 2 Điều 33 quy định người lái xe và người được chở trên xe mô tô hai bánh, xe mô tô ba bánh, xe gắn máy phải đội mũ bảo hiểm theo đúng quy chuẩn kỹ thuật quốc gia và cài quai đúng quy cách.",
      cite: luatGT("Điều 33", "khoản 2"),
    },
    [
      no("Chỉ người lái xe"),
      no("Chỉ người được chở từ đủ 16 tuổi trở lên"),
      no("Chỉ khi đi trên quốc lộ"),
      ok("Cả người lái xe và người được chở"),
    ],
  ),
  single(
    {
      id: "GT-005",
      topic: GT,
      level: "MEDIUM",
      stem: "Người lái xe mô tô hai bánh được chở tối đa hai người trong trường hợp nào sau đây?",
      explanation:
        "Khoản 1 Điều 33: người lái xe mô tô hai bánh, xe gắn máy chỉ được chở một người, trừ trường hợp chở người bệnh đi cấp cứu, áp giải người có hành vi vi phạm pháp luật, trẻ em dưới 12 tuổi, người già yếu hoặc người khuyết tật thì được chở tối đa hai người.",
      cite: luatGT("Điều 33", "khoản 1"),
    },
    [
      no("Chở hai bạn học cùng lớp 16 tuổi đến trường"),
      ok("Chở thêm một trẻ em dưới 12 tuổi"),
      no("Chở hai đồng nghiệp đi làm trên quãng đường ngắn"),
      no("Chở hai người khi đường vắng"),
    ],
  ),
  trueFalse(
    {
      id: "GT-006",
      topic: GT,
      level: "HARD",
      stem: "Theo Luật Trật tự, an toàn giao thông đường bộ năm 2024, người lái xe gắn máy được chở tối đa hai người nếu người được chở thêm là trẻ em dưới 14 tuổi.",
      explanation:
        "Khoản 1 Điều 33 chỉ cho phép chở tối đa hai người khi chở trẻ em dưới 12 tuổi (cùng một số trường hợp khác như chở người bệnh đi cấp cứu, người già yếu, người khuyết tật), không phải dưới 14 tuổi.",
      cite: luatGT("Điều 33", "khoản 1"),
    },
    false,
  ),
  single(
    {
      id: "GT-007",
      topic: GT,
      level: "EASY",
      stem: "Bạn Nam 15 tuổi muốn tự đi xe gắn máy đến trường. Theo Luật Trật tự, an toàn giao thông đường bộ, người đủ bao nhiêu tuổi trở lên mới được điều khiển xe gắn máy?",
      explanation:
        "Điểm a khoản 1 Điều 59 quy định người đủ 16 tuổi trở lên được điều khiển xe gắn máy, nên Nam 15 tuổi chưa được tự lái xe gắn máy.",
      cite: luatGT("Điều 59", "điểm a khoản 1"),
    },
    [no("Đủ 14 tuổi"), no("Đủ 15 tuổi"), ok("Đủ 16 tuổi"), no("Đủ 18 tuổi")],
  ),
  single(
    {
      id: "GT-008",
      topic: GT,
      level: "MEDIUM",
      stem: "Người đủ bao nhiêu tuổi trở lên được cấp giấy phép lái xe hạng A1?",
      explanation:
        "Điểm b khoản 1 Điều 59 quy định người đủ 18 tuổi trở lên được cấp giấy phép lái xe hạng A1, A, B1, B, C1.",
      cite: luatGT("Điều 59", "điểm b khoản 1"),
    },
    [no("Đủ 16 tuổi"), no("Đủ 17 tuổi"), ok("Đủ 18 tuổi"), no("Đủ 21 tuổi")],
  ),
  single(
    {
      id: "GT-009",
      topic: GT,
      level: "MEDIUM",
      stem: "Giấy phép lái xe hạng A1 được cấp cho người lái loại xe nào?",
      explanation:
        "Điểm a khoản 1 Điều 57 quy định hạng A1 cấp cho người lái xe mô tô hai bánh có dung tích xi-lanh đến 125 cm3 hoặc có công suất động cơ điện đến 11 kW.",
      cite: luatGT("Điều 57", "điểm a khoản 1"),
    },
    [
      ok("Xe mô tô hai bánh có dung tích xi-lanh đến 125 cm3 hoặc công suất động cơ điện đến 11 kW"),
      no("Xe mô tô hai bánh có dung tích xi-lanh đến 175 cm3"),
      no("Mọi loại xe mô tô hai bánh, không phân biệt dung tích xi-lanh"),
      no("Xe ô tô chở người đến 08 chỗ không kể chỗ của người lái xe"),
    ],
  ),
  single(
    {
      id: "GT-010",
      topic: GT,
      level: "EASY",
      stem: "Theo Luật Trật tự, an toàn giao thông đường bộ, điểm của mỗi giấy phép lái xe gồm bao nhiêu điểm?",
      explanation:
        "Khoản 1 Điều 58 quy định điểm của giấy phép lái xe dùng để quản lý việc chấp hành pháp luật của người lái xe, bao gồm 12 điểm; số điểm trừ mỗi lần tùy tính chất, mức độ vi phạm.",
      cite: luatGT("Điều 58", "khoản 1"),
    },
    [no("10 điểm"), ok("12 điểm"), no("15 điểm"), no("20 điểm")],
  ),
  single(
    {
      id: "GT-011",
      topic: GT,
      level: "HARD",
      stem: "Giấy phép lái xe chưa bị trừ hết điểm sẽ được phục hồi đủ 12 điểm khi không bị trừ điểm trong thời hạn bao lâu kể từ ngày bị trừ điểm gần nhất?",
      explanation:
        "Khoản 2 Điều 58: giấy phép lái xe chưa bị trừ hết điểm và không bị trừ điểm trong thời hạn 12 tháng từ ngày bị trừ điểm gần nhất thì được phục hồi đủ 12 điểm.",
      cite: luatGT("Điều 58", "khoản 2"),
    },
    [no("06 tháng"), no("24 tháng"), no("36 tháng"), ok("12 tháng")],
  ),
  single(
    {
      id: "GT-012",
      topic: GT,
      level: "HARD",
      stem: "Giấy phép lái xe bị trừ hết điểm thì sau ít nhất bao lâu kể từ ngày bị trừ hết điểm, người có giấy phép mới được tham gia kiểm tra kiến thức pháp luật để được phục hồi điểm?",
      explanation:
        "Khoản 3 Điều 58: sau thời hạn ít nhất 06 tháng kể từ ngày bị trừ hết điểm, người có giấy phép lái xe được tham gia kiểm tra kiến thức pháp luật về trật tự, an toàn giao thông đường bộ do lực lượng Cảnh sát giao thông tổ chức; đạt yêu cầu thì được phục hồi đủ 12 điểm.",
      cite: luatGT("Điều 58", "khoản 3"),
    },
    [no("03 tháng"), ok("06 tháng"), no("12 tháng"), no("24 tháng")],
  ),
  single(
    {
      id: "GT-013",
      topic: GT,
      level: "EASY",
      stem: "Tại một nút giao, người điều khiển giao thông ra hiệu lệnh khác với tín hiệu đèn giao thông. Người tham gia giao thông phải chấp hành theo:",
      explanation:
        "Khoản 2 Điều 11 quy định thứ tự ưu tiên chấp hành báo hiệu đường bộ, trong đó hiệu lệnh của người điều khiển giao thông đứng đầu, trên tín hiệu đèn giao thông, biển báo hiệu và vạch kẻ đường.",
      cite: luatGT("Điều 11", "khoản 2"),
    },
    [
      no("Tín hiệu đèn giao thông"),
      ok("Hiệu lệnh của người điều khiển giao thông"),
      no("Biển báo hiệu đường bộ"),
      no("Vạch kẻ đường"),
    ],
  ),
  single(
    {
      id: "GT-014",
      topic: GT,
      level: "EASY",
      stem: "Khi tín hiệu đèn giao thông chuyển sang màu vàng (không nhấp nháy), người điều khiển phương tiện phải làm gì?",
      explanation:
        "Điểm b khoản 4 Điều 11: tín hiệu đèn màu vàng thì phải dừng lại trước vạch dừng; trường hợp đang đi trên vạch dừng hoặc đã đi qua vạch dừng mà tín hiệu đèn màu vàng thì được đi tiếp.",
      cite: luatGT("Điều 11", "điểm b khoản 4"),
    },
    [
      no("Tăng tốc để đi qua trước khi đèn chuyển sang màu đỏ"),
      no("Được đi tiếp trong mọi trường hợp"),
      ok("Dừng lại trước vạch dừng; nếu đang ở trên hoặc đã qua vạch dừng thì được đi tiếp"),
      no("Dừng lại ngay tại chỗ kể cả khi đã đi qua vạch dừng"),
    ],
  ),
  single(
    {
      id: "GT-015",
      topic: GT,
      level: "MEDIUM",
      stem: "Khi chở trẻ em dưới 10 tuổi và chiều cao dưới 1,35 mét trên xe ô tô có nhiều hàng ghế, người lái xe không được làm gì?",
      explanation:
        "Khoản 3 Điều 10 (đã được sửa đổi, bổ sung bởi Luật số 118/2025/QH15) quy định không được cho trẻ em dưới 10 tuổi và chiều cao dưới 1,35 mét ngồi cùng hàng ghế với người lái xe, trừ loại xe ô tô chỉ có một hàng ghế.",
      cite: luatGT("Điều 10", "khoản 3"),
    },
    [
      no("Cho trẻ ngồi ở hàng ghế sau"),
      no("Cho trẻ sử dụng thiết bị an toàn phù hợp với lứa tuổi"),
      no("Nhắc trẻ không thò tay ra ngoài cửa xe"),
      ok("Cho trẻ ngồi cùng hàng ghế với người lái xe"),
    ],
  ),
  single(
    {
      id: "GT-016",
      topic: GT,
      level: "EASY",
      stem: "Khi xe ô tô tham gia giao thông đường bộ, những ai phải thắt dây đai an toàn?",
      explanation:
        "Khoản 2 Điều 10 quy định người lái xe và người được chở trên xe ô tô phải thắt dây đai an toàn tại những chỗ có trang bị dây đai an toàn khi tham gia giao thông đường bộ, không phân biệt hàng ghế hay loại đường.",
      cite: luatGT("Điều 10", "khoản 2"),
    },
    [
      no("Chỉ người lái xe"),
      no("Chỉ người ngồi ở hàng ghế trước"),
      no("Chỉ khi xe chạy trên đường cao tốc"),
      ok("Người lái xe và người được chở, tại những chỗ có trang bị dây đai an toàn"),
    ],
  ),
  multiple(
    {
      id: "GT-017",
      topic: GT,
      level: "MEDIUM",
      stem: "Người được chở trên xe mô tô, xe gắn máy không được thực hiện những hành vi nào sau đây?",
      explanation:
        "Khoản 4 Điều 33 cấm người được chở trên xe mô tô, xe gắn máy mang, vác vật cồng kềnh; sử dụng ô; bám, kéo hoặc đẩy các phương tiện khác; đứng trên yên, giá đèo hàng hoặc ngồi trên tay lái.",
      cite: luatGT("Điều 33", "khoản 4"),
    },
    [
      ok("Sử dụng ô (dù) khi ngồi sau xe"),
      no("Đội mũ bảo hiểm và cài quai đúng quy cách"),
      ok("Bám, kéo hoặc đẩy phương tiện khác"),
      ok("Mang, vác vật cồng kềnh"),
      no("Ngồi ngay ngắn phía sau người lái xe"),
    ],
  ),
  multiple(
    {
      id: "GT-018",
      topic: GT,
      level: "HARD",
      stem: "Những hành vi nào sau đây thuộc các hành vi bị nghiêm cấm theo Điều 9 Luật Trật tự, an toàn giao thông đường bộ?",
      explanation:
        "Điều 9 nghiêm cấm đua xe, cổ vũ đua xe trái phép (khoản 5); giao xe cơ giới cho người không đủ điều kiện điều khiển (khoản 7); bỏ trốn sau khi gây tai nạn để trốn tránh trách nhiệm (khoản 26). Bật đèn chiếu gần khi gặp xe ngược chiều và dừng xe sát lề phải ở nơi cho phép là hành vi đúng luật.",
      cite: luatGT("Điều 9", "khoản 5, 7 và 26"),
    },
    [
      ok("Cổ vũ đua xe trái phép"),
      no("Chuyển sang đèn chiếu gần khi gặp xe đi ngược chiều"),
      ok("Giao xe máy cho người chưa đủ tuổi, chưa có giấy phép lái xe để điều khiển"),
      ok("Bỏ trốn sau khi gây tai nạn giao thông để trốn tránh trách nhiệm"),
      no("Dừng xe sát lề đường bên phải tại nơi được phép dừng"),
    ],
  ),
  single(
    {
      id: "GT-019",
      topic: GT,
      level: "EASY",
      stem: "Theo Luật Trật tự, an toàn giao thông đường bộ, trẻ em dưới bao nhiêu tuổi khi đi qua đường phải có người lớn dẫn dắt?",
      explanation:
        "Điểm a khoản 2 Điều 30 quy định trẻ em dưới 07 tuổi khi đi qua đường phải có người lớn dẫn dắt; mọi người có trách nhiệm giúp đỡ các em khi qua đường.",
      cite: luatGT("Điều 30", "điểm a khoản 2"),
    },
    [no("Dưới 06 tuổi"), ok("Dưới 07 tuổi"), no("Dưới 10 tuổi"), no("Dưới 12 tuổi")],
  ),
  trueFalse(
    {
      id: "GT-020",
      topic: GT,
      level: "EASY",
      stem: "Xe mô tô, xe gắn máy được đi trên đường cao tốc nếu luôn chạy ở làn đường bên phải trong cùng.",
      explanation:
        "Khoản 3 Điều 25 quy định xe mô tô, xe gắn máy, xe thô sơ, người đi bộ (cùng một số loại xe khác) không được đi trên đường cao tốc, trừ người, phương tiện phục vụ quản lý, bảo trì đường cao tốc.",
      cite: luatGT("Điều 25", "khoản 3"),
    },
    false,
  ),
  single(
    {
      id: "GT-021",
      topic: GT,
      level: "HARD",
      stem: "Người điều khiển xe đạp được chở tối đa hai người trong trường hợp nào?",
      explanation:
        "Khoản 1 Điều 31: người điều khiển xe đạp, xe đạp máy chỉ được chở một người, trừ trường hợp chở thêm một trẻ em dưới 07 tuổi thì được chở tối đa hai người.",
      cite: luatGT("Điều 31", "khoản 1"),
    },
    [
      no("Khi chở thêm một trẻ em dưới 12 tuổi"),
      no("Khi cả hai người được chở đều là học sinh"),
      ok("Khi chở thêm một trẻ em dưới 07 tuổi"),
      no("Không có trường hợp nào, xe đạp chỉ được chở một người"),
    ],
  ),
  single(
    {
      id: "GT-022",
      topic: GT,
      level: "MEDIUM",
      stem: "Trong khu đông dân cư, khu vực cơ sở khám bệnh, chữa bệnh, người điều khiển phương tiện (trừ xe ưu tiên) không được sử dụng còi trong khoảng thời gian nào?",
      explanation:
        "Khoản 2 Điều 21 quy định không sử dụng còi trong thời gian từ 22 giờ ngày hôm trước đến 05 giờ ngày hôm sau trong khu đông dân cư, khu vực cơ sở khám bệnh, chữa bệnh, trừ xe ưu tiên.",
      cite: luatGT("Điều 21", "khoản 2"),
    },
    [
      ok("Từ 22 giờ ngày hôm trước đến 05 giờ ngày hôm sau"),
      no("Từ 21 giờ ngày hôm trước đến 06 giờ ngày hôm sau"),
      no("Từ 23 giờ ngày hôm trước đến 05 giờ ngày hôm sau"),
      no("Từ 22 giờ ngày hôm trước đến 06 giờ ngày hôm sau"),
    ],
  ),
  multiple(
    {
      id: "GT-023",
      topic: GT,
      level: "EASY",
      stem: "Người lái xe mô tô hai bánh, xe gắn máy không được thực hiện những hành vi nào sau đây?",
      explanation:
        "Khoản 3 Điều 33 cấm người lái xe mô tô, xe gắn máy đi xe dàn hàng ngang; sử dụng ô, thiết bị âm thanh (trừ thiết bị trợ thính); buông cả hai tay… Bật đèn khi trời tối và đội mũ bảo hiểm là việc bắt buộc phải làm.",
      cite: luatGT("Điều 33", "khoản 3"),
    },
    [
      ok("Đi xe dàn hàng ngang"),
      no("Bật đèn chiếu sáng phía trước khi trời tối"),
      ok("Vừa lái xe vừa dùng tai nghe thiết bị âm thanh để nghe nhạc"),
      ok("Buông cả hai tay khi đang lái xe"),
      no("Đội mũ bảo hiểm và cài quai đúng quy cách"),
    ],
  ),
];

const honNhan: QuestionDraft[] = [
  single(
    {
      id: "HN-001",
      topic: HN,
      level: "EASY",
      stem: "Theo Luật Hôn nhân và gia đình năm 2014, độ tuổi kết hôn là bao nhiêu?",
      explanation:
        "Điểm a khoản 1 Điều 8 quy định nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên mới được kết hôn.",
      cite: luatHN("Điều 8", "điểm a khoản 1"),
    },
    [
      no("Nam và nữ cùng từ đủ 18 tuổi trở lên"),
      ok("Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên"),
      no("Nam từ đủ 21 tuổi trở lên, nữ từ đủ 19 tuổi trở lên"),
      no("Nam và nữ cùng từ đủ 20 tuổi trở lên"),
    ],
  ),
  single(
    {
      id: "HN-002",
      topic: HN,
      level: "EASY",
      stem: "Theo Luật Hôn nhân và gia đình, “tảo hôn” là gì?",
      explanation:
        "Khoản 8 Điều 3 định nghĩa tảo hôn là việc lấy vợ, lấy chồng khi một bên hoặc cả hai bên chưa đủ tuổi kết hôn theo điểm a khoản 1 Điều 8.",
      cite: luatHN("Điều 3", "khoản 8"),
    },
    [
      no("Việc kết hôn khi chưa tổ chức lễ cưới"),
      no("Việc kết hôn mà chưa được cha mẹ hai bên đồng ý"),
      ok("Việc lấy vợ, lấy chồng khi một bên hoặc cả hai bên chưa đủ tuổi kết hôn"),
      no("Việc kết hôn giữa những người có họ trong phạm vi ba đời"),
    ],
  ),
  trueFalse(
    {
      id: "HN-003",
      topic: HN,
      level: "EASY",
      stem: "Theo Luật Hôn nhân và gia đình năm 2014, Nhà nước thừa nhận hôn nhân giữa những người cùng giới tính.",
      explanation: "Khoản 2 Điều 8 quy định Nhà nước không thừa nhận hôn nhân giữa những người cùng giới tính.",
      cite: luatHN("Điều 8", "khoản 2"),
    },
    false,
  ),
  single(
    {
      id: "HN-004",
      topic: HN,
      level: "EASY",
      stem: "Anh A và chị B tổ chức đám cưới theo phong tục địa phương nhưng không đăng ký kết hôn tại cơ quan nhà nước có thẩm quyền. Việc kết hôn này:",
      explanation:
        "Khoản 1 Điều 9 quy định việc kết hôn phải được đăng ký và do cơ quan nhà nước có thẩm quyền thực hiện; việc kết hôn không được đăng ký thì không có giá trị pháp lý.",
      cite: luatHN("Điều 9", "khoản 1"),
    },
    [
      no("Có giá trị pháp lý vì đã tổ chức lễ cưới công khai"),
      no("Có giá trị pháp lý sau 02 năm chung sống"),
      no("Có giá trị pháp lý nếu được trưởng thôn xác nhận"),
      ok("Không có giá trị pháp lý"),
    ],
  ),
  trueFalse(
    {
      id: "HN-005",
      topic: HN,
      level: "MEDIUM",
      stem: "Vợ chồng đã ly hôn muốn xác lập lại quan hệ vợ chồng thì phải đăng ký kết hôn.",
      explanation:
        "Khoản 2 Điều 9 quy định vợ chồng đã ly hôn muốn xác lập lại quan hệ vợ chồng thì phải đăng ký kết hôn.",
      cite: luatHN("Điều 9", "khoản 2"),
    },
    true,
  ),
  multiple(
    {
      id: "HN-006",
      topic: HN,
      level: "MEDIUM",
      stem: "Những hành vi nào sau đây bị cấm theo khoản 2 Điều 5 Luật Hôn nhân và gia đình?",
      explanation:
        "Khoản 2 Điều 5 cấm kết hôn giả tạo, tảo hôn, cưỡng ép kết hôn, yêu sách của cải trong kết hôn… Ngược lại, hôn nhân giữa người theo tôn giáo với người không theo tôn giáo, giữa công dân Việt Nam với người nước ngoài được tôn trọng và bảo vệ (khoản 2 Điều 2).",
      cite: luatHN("Điều 5", "khoản 2"),
    },
    [
      ok("Cưỡng ép kết hôn"),
      no("Kết hôn giữa người theo tôn giáo và người không theo tôn giáo"),
      ok("Yêu sách của cải trong kết hôn"),
      no("Kết hôn giữa công dân Việt Nam với người nước ngoài"),
      ok("Kết hôn giả tạo"),
    ],
  ),
  single(
    {
      id: "HN-007",
      topic: HN,
      level: "MEDIUM",
      stem: "Anh A và chị B là con chú, con bác ruột với nhau. Theo Luật Hôn nhân và gia đình, hai người:",
      explanation:
        "Anh, chị, em con chú, con bác là đời thứ ba nên thuộc những người có họ trong phạm vi ba đời (khoản 18 Điều 3). Điểm d khoản 2 Điều 5 cấm kết hôn giữa những người có họ trong phạm vi ba đời.",
      cite: luatHN("Điều 5", "điểm d khoản 2"),
    },
    [
      ok("Không được kết hôn với nhau vì có họ trong phạm vi ba đời"),
      no("Được kết hôn nếu gia đình hai bên đồng ý"),
      no("Được kết hôn vì không phải người cùng dòng máu về trực hệ"),
      no("Được kết hôn nếu cả hai đã đủ tuổi kết hôn"),
    ],
  ),
  single(
    {
      id: "HN-008",
      topic: HN,
      level: "EASY",
      stem: "Ông C đe dọa sẽ đuổi con gái ra khỏi nhà nếu chị không chịu lấy người do ông chọn. Hành vi của ông C là:",
      explanation:
        "Khoản 9 Điều 3: cưỡng ép kết hôn là việc đe dọa, uy hiếp tinh thần, hành hạ, ngược đãi, yêu sách của cải hoặc hành vi khác để buộc người khác phải kết hôn trái với ý muốn của họ.",
      cite: luatHN("Điều 3", "khoản 9"),
    },
    [no("Cản trở kết hôn"), no("Yêu sách của cải trong kết hôn"), ok("Cưỡng ép kết hôn"), no("Kết hôn giả tạo")],
  ),
  single(
    {
      id: "HN-009",
      topic: HN,
      level: "HARD",
      stem: "Anh D đăng ký kết hôn với chị E chỉ để chị E được nhập quốc tịch, hai người không có ý định chung sống xây dựng gia đình. Đây là hành vi:",
      explanation:
        "Khoản 11 Điều 3: kết hôn giả tạo là việc lợi dụng kết hôn để xuất cảnh, nhập cảnh, cư trú, nhập quốc tịch Việt Nam, quốc tịch nước ngoài, hưởng chế độ ưu đãi của Nhà nước hoặc đạt mục đích khác mà không nhằm mục đích xây dựng gia đình. Hành vi này bị cấm tại điểm a khoản 2 Điều 5.",
      cite: luatHN("Điều 3", "khoản 11"),
    },
    [no("Tảo hôn"), ok("Kết hôn giả tạo"), no("Yêu sách của cải trong kết hôn"), no("Cản trở kết hôn")],
  ),
  single(
    {
      id: "HN-010",
      topic: HN,
      level: "MEDIUM",
      stem: "Theo Luật Hôn nhân và gia đình, ly hôn là việc chấm dứt quan hệ vợ chồng theo:",
      explanation:
        "Khoản 14 Điều 3: ly hôn là việc chấm dứt quan hệ vợ chồng theo bản án, quyết định có hiệu lực pháp luật của Tòa án.",
      cite: luatHN("Điều 3", "khoản 14"),
    },
    [
      no("Quyết định của Ủy ban nhân dân cấp xã"),
      no("Giấy thỏa thuận do hai vợ chồng tự ký"),
      ok("Bản án, quyết định có hiệu lực pháp luật của Tòa án"),
      no("Quyết định của trưởng họ hai bên gia đình"),
    ],
  ),
  trueFalse(
    {
      id: "HN-011",
      topic: HN,
      level: "HARD",
      stem: "Người chồng có quyền yêu cầu Tòa án giải quyết ly hôn trong thời gian vợ đang nuôi con dưới 12 tháng tuổi.",
      explanation:
        "Khoản 3 Điều 51 quy định chồng không có quyền yêu cầu ly hôn trong trường hợp vợ đang có thai, sinh con hoặc đang nuôi con dưới 12 tháng tuổi.",
      cite: luatHN("Điều 51", "khoản 3"),
    },
    false,
  ),
  single(
    {
      id: "HN-012",
      topic: HN,
      level: "HARD",
      stem: "Khi cha mẹ ly hôn, con dưới bao nhiêu tháng tuổi được giao cho mẹ trực tiếp nuôi, trừ trường hợp người mẹ không đủ điều kiện hoặc cha mẹ có thỏa thuận khác phù hợp với lợi ích của con?",
      explanation:
        "Khoản 3 Điều 81 quy định con dưới 36 tháng tuổi được giao cho mẹ trực tiếp nuôi, trừ trường hợp người mẹ không đủ điều kiện trực tiếp trông nom, chăm sóc, nuôi dưỡng, giáo dục con hoặc cha mẹ có thỏa thuận khác phù hợp với lợi ích của con.",
      cite: luatHN("Điều 81", "khoản 3"),
    },
    [no("12 tháng tuổi"), no("24 tháng tuổi"), ok("36 tháng tuổi"), no("72 tháng tuổi")],
  ),
  single(
    {
      id: "HN-013",
      topic: HN,
      level: "MEDIUM",
      stem: "Khi giải quyết việc nuôi con sau ly hôn, Tòa án phải xem xét nguyện vọng của con từ đủ bao nhiêu tuổi trở lên?",
      explanation:
        "Khoản 2 Điều 81 quy định nếu cha mẹ không thỏa thuận được thì Tòa án quyết định giao con cho một bên trực tiếp nuôi; trường hợp con từ đủ 07 tuổi trở lên thì phải xem xét nguyện vọng của con.",
      cite: luatHN("Điều 81", "khoản 2"),
    },
    [ok("Đủ 07 tuổi"), no("Đủ 09 tuổi"), no("Đủ 10 tuổi"), no("Đủ 15 tuổi")],
  ),
  single(
    {
      id: "HN-014",
      topic: HN,
      level: "EASY",
      stem: "Theo chế độ tài sản của vợ chồng theo luật định, tiền lương chị B nhận được trong thời kỳ hôn nhân là:",
      explanation:
        "Khoản 1 Điều 33: tài sản chung của vợ chồng gồm tài sản do vợ, chồng tạo ra, thu nhập do lao động, hoạt động sản xuất, kinh doanh và thu nhập hợp pháp khác trong thời kỳ hôn nhân.",
      cite: luatHN("Điều 33", "khoản 1"),
    },
    [
      no("Tài sản riêng của chị B vì do chị trực tiếp làm ra"),
      ok("Tài sản chung của vợ chồng"),
      no("Tài sản riêng của chị B nếu thu nhập của chị cao hơn chồng"),
      no("Tài sản chung của cả gia đình nhà chồng"),
    ],
  ),
  single(
    {
      id: "HN-015",
      topic: HN,
      level: "MEDIUM",
      stem: "Trong thời kỳ hôn nhân, anh A được cha mẹ làm thủ tục tặng cho riêng một thửa đất. Thửa đất này là:",
      explanation:
        "Khoản 1 Điều 43: tài sản được thừa kế riêng, được tặng cho riêng trong thời kỳ hôn nhân là tài sản riêng của vợ, chồng. Khoản 1 Điều 33 cũng loại trừ quyền sử dụng đất được tặng cho riêng khỏi tài sản chung.",
      cite: luatHN("Điều 43", "khoản 1"),
    },
    [
      no("Tài sản chung của vợ chồng vì được nhận trong thời kỳ hôn nhân"),
      no("Tài sản chung của vợ chồng nếu người vợ có công chăm sóc cha mẹ chồng"),
      no("Tài sản của cha mẹ anh A cho đến khi cha mẹ qua đời"),
      ok("Tài sản riêng của anh A"),
    ],
  ),
  trueFalse(
    {
      id: "HN-016",
      topic: HN,
      level: "MEDIUM",
      stem: "Khi không có căn cứ chứng minh tài sản mà vợ, chồng đang tranh chấp là tài sản riêng của mỗi bên thì tài sản đó được coi là tài sản chung.",
      explanation:
        "Khoản 3 Điều 33 quy định trường hợp không có căn cứ để chứng minh tài sản mà vợ, chồng đang có tranh chấp là tài sản riêng của mỗi bên thì tài sản đó được coi là tài sản chung.",
      cite: luatHN("Điều 33", "khoản 3"),
    },
    true,
  ),
  multiple(
    {
      id: "HN-018",
      topic: HN,
      level: "MEDIUM",
      stem: "Theo khoản 1 Điều 43 Luật Hôn nhân và gia đình, tài sản nào sau đây là tài sản riêng của vợ, chồng?",
      explanation:
        "Khoản 1 Điều 43: tài sản riêng gồm tài sản mà mỗi người có trước khi kết hôn; tài sản được thừa kế riêng, được tặng cho riêng trong thời kỳ hôn nhân… Tiền lương và tài sản cùng mua bằng thu nhập trong thời kỳ hôn nhân là tài sản chung (khoản 1 Điều 33).",
      cite: luatHN("Điều 43", "khoản 1"),
    },
    [
      ok("Căn nhà người vợ đã mua trước khi kết hôn"),
      no("Tiền lương của người chồng nhận được trong thời kỳ hôn nhân"),
      ok("Số tiền người chồng được thừa kế riêng trong thời kỳ hôn nhân"),
      no("Xe máy hai vợ chồng cùng mua bằng thu nhập trong thời kỳ hôn nhân"),
    ],
  ),
  multiple(
    {
      id: "HN-017",
      topic: HN,
      level: "HARD",
      stem: "Nguyên tắc cơ bản nào sau đây của chế độ hôn nhân và gia đình được ghi nhận tại khoản 1 Điều 2 Luật Hôn nhân và gia đình?",
      explanation:
        "Khoản 1 Điều 2 quy định nguyên tắc: hôn nhân tự nguyện, tiến bộ, một vợ một chồng, vợ chồng bình đẳng. Việc cha mẹ quyết định thay con hay giới hạn kết hôn trong cùng dân tộc trái với nguyên tắc này.",
      cite: luatHN("Điều 2", "khoản 1"),
    },
    [
      ok("Hôn nhân tự nguyện, tiến bộ"),
      no("Cha mẹ quyết định việc kết hôn thay cho con"),
      ok("Một vợ một chồng"),
      ok("Vợ chồng bình đẳng"),
      no("Ưu tiên kết hôn giữa những người cùng dân tộc"),
    ],
  ),
];

const datDai: QuestionDraft[] = [
  single(
    {
      id: "DD-001",
      topic: DD,
      level: "EASY",
      stem: "Theo Hiến pháp năm 2013, đất đai thuộc sở hữu của ai?",
      explanation:
        "Điều 53 Hiến pháp quy định đất đai, tài nguyên nước, tài nguyên khoáng sản… là tài sản công thuộc sở hữu toàn dân do Nhà nước đại diện chủ sở hữu và thống nhất quản lý. Người sử dụng đất chỉ có quyền sử dụng đất.",
      cite: hienPhap("Điều 53"),
    },
    [
      no("Của người đứng tên trên giấy chứng nhận quyền sử dụng đất"),
      no("Của Ủy ban nhân dân cấp tỉnh nơi có đất"),
      ok("Sở hữu toàn dân do Nhà nước đại diện chủ sở hữu và thống nhất quản lý"),
      no("Của cộng đồng dân cư nơi có đất"),
    ],
  ),
  single(
    {
      id: "DD-002",
      topic: DD,
      level: "EASY",
      stem: "Ông C tự ý di chuyển mốc giới để mở rộng thửa đất của mình sang phần đất bên cạnh mà không được cơ quan có thẩm quyền cho phép. Theo Luật Đất đai năm 2024, hành vi này:",
      explanation:
        "Tự ý dịch chuyển mốc giới, ranh giới để mở rộng diện tích là lấn đất. Khoản 1 Điều 11 Luật Đất đai nghiêm cấm lấn đất, chiếm đất, hủy hoại đất, không phụ thuộc diện tích lấn hay việc hàng xóm có phản đối hay không.",
      cite: luatDD("Điều 11", "khoản 1"),
    },
    [
      no("Được phép nếu phần đất lấn có diện tích nhỏ"),
      no("Được phép nếu chủ thửa đất bên cạnh không phản đối"),
      no("Chỉ vi phạm khi đã xây dựng công trình kiên cố"),
      ok("Là hành vi lấn đất, bị nghiêm cấm"),
    ],
  ),
  single(
    {
      id: "DD-003",
      topic: DD,
      level: "EASY",
      stem: "Căn cứ vào mục đích sử dụng, Luật Đất đai năm 2024 phân loại đất đai thành những nhóm nào?",
      explanation:
        "Khoản 1 Điều 9 quy định căn cứ vào mục đích sử dụng, đất đai được phân loại gồm nhóm đất nông nghiệp, nhóm đất phi nông nghiệp và nhóm đất chưa sử dụng.",
      cite: luatDD("Điều 9", "khoản 1"),
    },
    [
      ok("Nhóm đất nông nghiệp, nhóm đất phi nông nghiệp, nhóm đất chưa sử dụng"),
      no("Đất đô thị, đất nông thôn, đất rừng"),
      no("Đất ở, đất sản xuất kinh doanh, đất công cộng"),
      no("Đất công, đất tư, đất tập thể"),
    ],
  ),
  single(
    {
      id: "DD-004",
      topic: DD,
      level: "MEDIUM",
      stem: "Quyền nào sau đây là quyền chung của người sử dụng đất theo Luật Đất đai năm 2024?",
      explanation:
        "Khoản 1 Điều 26 quy định người sử dụng đất được cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất khi có đủ điều kiện theo quy định của pháp luật về đất đai.",
      cite: luatDD("Điều 26", "khoản 1"),
    },
    [
      no("Tự ý chuyển đất trồng lúa sang đất ở"),
      ok("Được cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất khi có đủ điều kiện"),
      no("Sử dụng cả phần đất ngoài ranh giới thửa đất nếu phần đó đang bỏ trống"),
      no("Được miễn mọi nghĩa vụ tài chính về đất đai"),
    ],
  ),
  single(
    {
      id: "DD-005",
      topic: DD,
      level: "EASY",
      stem: "Nghĩa vụ chung nào sau đây của người sử dụng đất được quy định trong Luật Đất đai năm 2024?",
      explanation:
        "Khoản 1 Điều 31 quy định người sử dụng đất có nghĩa vụ sử dụng đất đúng mục đích, đúng ranh giới thửa đất, đúng quy định về sử dụng độ sâu trong lòng đất và chiều cao trên không, bảo vệ các công trình công cộng trong lòng đất.",
      cite: luatDD("Điều 31", "khoản 1"),
    },
    [
      no("Mỗi năm phải xin cấp lại quyền sử dụng đất"),
      no("Phải xây dựng nhà ở trên toàn bộ diện tích đất được giao"),
      ok("Sử dụng đất đúng mục đích, đúng ranh giới thửa đất"),
      no("Phải trồng lúa trên mọi loại đất nông nghiệp"),
    ],
  ),
  trueFalse(
    {
      id: "DD-006",
      topic: DD,
      level: "MEDIUM",
      stem: "Khi tặng cho quyền sử dụng đất, người sử dụng đất chỉ cần viết giấy tay trao cho người nhận, không phải thực hiện thêm thủ tục nào theo quy định của pháp luật.",
      explanation:
        "Khoản 2 Điều 31 quy định người sử dụng đất phải thực hiện kê khai đăng ký đất đai và thực hiện đầy đủ thủ tục khi chuyển đổi, chuyển nhượng, cho thuê, thừa kế, tặng cho quyền sử dụng đất, thế chấp, góp vốn bằng quyền sử dụng đất theo quy định của pháp luật.",
      cite: luatDD("Điều 31", "khoản 2"),
    },
    false,
  ),
  single(
    {
      id: "DD-007",
      topic: DD,
      level: "MEDIUM",
      stem: "Gia đình anh D muốn xây nhà ở trên thửa đất nông nghiệp đang trồng cây hằng năm của mình. Theo Luật Đất đai năm 2024, gia đình anh D phải:",
      explanation:
        "Điểm b khoản 1 Điều 121 quy định chuyển đất nông nghiệp sang đất phi nông nghiệp (như đất ở) thuộc trường hợp chuyển mục đích sử dụng đất phải được cơ quan nhà nước có thẩm quyền cho phép.",
      cite: luatDD("Điều 121", "điểm b khoản 1"),
    },
    [
      no("Được tự xây vì đất thuộc quyền sử dụng của gia đình"),
      ok("Được cơ quan nhà nước có thẩm quyền cho phép chuyển mục đích sử dụng đất"),
      no("Chỉ cần báo với trưởng thôn trước khi xây"),
      no("Chỉ cần có chữ ký đồng ý của các hộ liền kề"),
    ],
  ),
  multiple(
    {
      id: "DD-008",
      topic: DD,
      level: "HARD",
      stem: "Theo khoản 3 Điều 54 Hiến pháp năm 2013, việc Nhà nước thu hồi đất do tổ chức, cá nhân đang sử dụng phải đáp ứng những yêu cầu nào sau đây?",
      explanation:
        "Khoản 3 Điều 54 Hiến pháp: Nhà nước thu hồi đất trong trường hợp thật cần thiết do luật định vì mục đích quốc phòng, an ninh; phát triển kinh tế - xã hội vì lợi ích quốc gia, công cộng. Việc thu hồi đất phải công khai, minh bạch và được bồi thường theo quy định của pháp luật.",
      cite: hienPhap("Điều 54", "khoản 3"),
    },
    [
      ok("Chỉ thu hồi trong trường hợp thật cần thiết do luật định"),
      ok("Việc thu hồi đất phải công khai, minh bạch"),
      no("Nhà nước được thu hồi đất bất cứ lúc nào mà không cần căn cứ"),
      ok("Người có đất bị thu hồi được bồi thường theo quy định của pháp luật"),
      no("Không phải bồi thường nếu thu hồi để phát triển kinh tế - xã hội"),
    ],
  ),
  single(
    {
      id: "DD-009",
      topic: DD,
      level: "EASY",
      stem: "Theo Hiến pháp năm 2013, quyền sử dụng đất của tổ chức, cá nhân được Nhà nước giao đất, cho thuê đất, công nhận quyền sử dụng đất:",
      explanation:
        "Khoản 2 Điều 54 Hiến pháp quy định người sử dụng đất được chuyển quyền sử dụng đất, thực hiện các quyền và nghĩa vụ theo quy định của luật; quyền sử dụng đất được pháp luật bảo hộ.",
      cite: hienPhap("Điều 54", "khoản 2"),
    },
    [
      ok("Được pháp luật bảo hộ"),
      no("Chỉ được bảo hộ khi đã xây nhà trên đất"),
      no("Không được chuyển cho người khác trong mọi trường hợp"),
      no("Chỉ được bảo hộ đối với đất ở tại đô thị"),
    ],
  ),
  single(
    {
      id: "DD-010",
      topic: DD,
      level: "EASY",
      stem: "Hiến pháp năm 2013 xác định đất đai là:",
      explanation:
        "Khoản 1 Điều 54 Hiến pháp quy định đất đai là tài nguyên đặc biệt của quốc gia, nguồn lực quan trọng phát triển đất nước, được quản lý theo pháp luật.",
      cite: hienPhap("Điều 54", "khoản 1"),
    },
    [
      no("Tài sản riêng của người đang sử dụng đất"),
      no("Hàng hóa thông thường được mua bán tự do như mọi tài sản khác"),
      no("Tài sản riêng của chính quyền địa phương"),
      ok("Tài nguyên đặc biệt của quốc gia, nguồn lực quan trọng phát triển đất nước"),
    ],
  ),
  trueFalse(
    {
      id: "DD-011",
      topic: DD,
      level: "EASY",
      stem: "Người sử dụng đất có nghĩa vụ thực hiện kê khai đăng ký đất đai.",
      explanation:
        "Khoản 2 Điều 31 Luật Đất đai quy định nghĩa vụ chung của người sử dụng đất gồm thực hiện kê khai đăng ký đất đai và thực hiện đầy đủ thủ tục khi thực hiện các quyền của người sử dụng đất.",
      cite: luatDD("Điều 31", "khoản 2"),
    },
    true,
  ),
  single(
    {
      id: "DD-012",
      topic: DD,
      level: "HARD",
      stem: "Một cơ sở sản xuất đổ chất thải làm đất nông nghiệp bên cạnh bị ô nhiễm, suy giảm chất lượng, không còn canh tác được. Theo Luật Đất đai năm 2024, hành vi này thuộc nhóm hành vi bị nghiêm cấm nào?",
      explanation:
        "Làm suy giảm chất lượng đất, gây ô nhiễm đất làm mất hoặc giảm khả năng sử dụng đất là hủy hoại đất. Khoản 1 Điều 11 nghiêm cấm lấn đất, chiếm đất, hủy hoại đất.",
      cite: luatDD("Điều 11", "khoản 1"),
    },
    [no("Lấn đất"), no("Chiếm đất"), ok("Hủy hoại đất"), no("Chậm thực hiện nghĩa vụ tài chính về đất đai")],
  ),
  multiple(
    {
      id: "DD-013",
      topic: DD,
      level: "MEDIUM",
      stem: "Theo khoản 1 Điều 11 Luật Đất đai năm 2024, những hành vi nào sau đây bị nghiêm cấm?",
      explanation:
        "Khoản 1 Điều 11 nghiêm cấm lấn đất, chiếm đất, hủy hoại đất. Kê khai đăng ký đất đai và thế chấp quyền sử dụng đất đúng thủ tục là việc thực hiện nghĩa vụ, quyền hợp pháp của người sử dụng đất.",
      cite: luatDD("Điều 11", "khoản 1"),
    },
    [
      ok("Lấn đất"),
      no("Kê khai đăng ký đất đai"),
      ok("Chiếm đất"),
      ok("Hủy hoại đất"),
      no("Thế chấp quyền sử dụng đất tại ngân hàng theo đúng thủ tục"),
    ],
  ),
];

const laoDong: QuestionDraft[] = [
  single(
    {
      id: "LD-001",
      topic: LD,
      level: "EASY",
      stem: "Theo Bộ luật Lao động năm 2019, độ tuổi lao động tối thiểu của người lao động là bao nhiêu (trừ các trường hợp đặc biệt do Bộ luật quy định)?",
      explanation:
        "Khoản 1 Điều 3 quy định độ tuổi lao động tối thiểu của người lao động là đủ 15 tuổi, trừ trường hợp quy định tại Mục 1 Chương XI (lao động chưa thành niên).",
      cite: boLuatLD("Điều 3", "khoản 1"),
    },
    [no("Đủ 14 tuổi"), ok("Đủ 15 tuổi"), no("Đủ 16 tuổi"), no("Đủ 18 tuổi")],
  ),
  single(
    {
      id: "LD-002",
      topic: LD,
      level: "EASY",
      stem: "Theo Bộ luật Lao động năm 2019, lao động chưa thành niên là người lao động:",
      explanation: "Khoản 1 Điều 143 quy định lao động chưa thành niên là người lao động chưa đủ 18 tuổi.",
      cite: boLuatLD("Điều 143", "khoản 1"),
    },
    [no("Chưa đủ 15 tuổi"), no("Chưa đủ 16 tuổi"), ok("Chưa đủ 18 tuổi"), no("Chưa đủ 21 tuổi")],
  ),
  single(
    {
      id: "LD-003",
      topic: LD,
      level: "MEDIUM",
      stem: "Thời giờ làm việc của người chưa đủ 15 tuổi tối đa là bao nhiêu?",
      explanation:
        "Khoản 1 Điều 146: thời giờ làm việc của người chưa đủ 15 tuổi không được quá 04 giờ trong 01 ngày và 20 giờ trong 01 tuần; người sử dụng lao động không được sử dụng họ làm thêm giờ, làm việc vào ban đêm.",
      cite: boLuatLD("Điều 146", "khoản 1"),
    },
    [
      ok("Không quá 04 giờ trong 01 ngày và 20 giờ trong 01 tuần"),
      no("Không quá 06 giờ trong 01 ngày và 30 giờ trong 01 tuần"),
      no("Không quá 08 giờ trong 01 ngày và 40 giờ trong 01 tuần"),
      no("Không quá 05 giờ trong 01 ngày và 25 giờ trong 01 tuần"),
    ],
  ),
  single(
    {
      id: "LD-004",
      topic: LD,
      level: "MEDIUM",
      stem: "Bạn Lan 16 tuổi làm việc bán thời gian trong kỳ nghỉ hè. Thời giờ làm việc tối đa của Lan theo Bộ luật Lao động là:",
      explanation:
        "Khoản 2 Điều 146: thời giờ làm việc của người từ đủ 15 tuổi đến chưa đủ 18 tuổi không được quá 08 giờ trong 01 ngày và 40 giờ trong 01 tuần.",
      cite: boLuatLD("Điều 146", "khoản 2"),
    },
    [
      no("Không quá 08 giờ trong 01 ngày và 48 giờ trong 01 tuần"),
      no("Không quá 10 giờ trong 01 ngày và 48 giờ trong 01 tuần"),
      ok("Không quá 08 giờ trong 01 ngày và 40 giờ trong 01 tuần"),
      no("Không quá 06 giờ trong 01 ngày và 36 giờ trong 01 tuần"),
    ],
  ),
  single(
    {
      id: "LD-005",
      topic: LD,
      level: "EASY",
      stem: "Thời giờ làm việc bình thường theo Bộ luật Lao động năm 2019 là:",
      explanation:
        "Khoản 1 Điều 105 quy định thời giờ làm việc bình thường không quá 08 giờ trong 01 ngày và không quá 48 giờ trong 01 tuần.",
      cite: boLuatLD("Điều 105", "khoản 1"),
    },
    [
      no("Không quá 08 giờ trong 01 ngày và không quá 40 giờ trong 01 tuần"),
      ok("Không quá 08 giờ trong 01 ngày và không quá 48 giờ trong 01 tuần"),
      no("Không quá 10 giờ trong 01 ngày và không quá 60 giờ trong 01 tuần"),
      no("Không quá 09 giờ trong 01 ngày và không quá 54 giờ trong 01 tuần"),
    ],
  ),
  single(
    {
      id: "LD-006",
      topic: LD,
      level: "MEDIUM",
      stem: "Chị B được tuyển vào vị trí có chức danh nghề nghiệp đòi hỏi trình độ chuyên môn, kỹ thuật từ cao đẳng trở lên. Thời gian thử việc tối đa của chị B là:",
      explanation:
        "Khoản 2 Điều 25: thời gian thử việc không quá 60 ngày đối với công việc của chức danh nghề nghiệp cần trình độ chuyên môn, kỹ thuật từ cao đẳng trở lên; chỉ được thử việc một lần đối với một công việc.",
      cite: boLuatLD("Điều 25", "khoản 2"),
    },
    [no("30 ngày"), ok("60 ngày"), no("90 ngày"), no("180 ngày")],
  ),
  single(
    {
      id: "LD-007",
      topic: LD,
      level: "MEDIUM",
      stem: "Tiền lương của người lao động trong thời gian thử việc ít nhất bằng bao nhiêu phần trăm mức lương của công việc đó?",
      explanation:
        "Điều 26 quy định tiền lương của người lao động trong thời gian thử việc do hai bên thỏa thuận nhưng ít nhất phải bằng 85% mức lương của công việc đó.",
      cite: boLuatLD("Điều 26"),
    },
    [no("70%"), no("75%"), ok("85%"), no("100%")],
  ),
  trueFalse(
    {
      id: "LD-008",
      topic: LD,
      level: "EASY",
      stem: "Nếu người lao động đồng ý, người sử dụng lao động được thử việc nhiều lần đối với cùng một công việc.",
      explanation: "Điều 25 quy định chỉ được thử việc một lần đối với một công việc, kể cả khi người lao động đồng ý.",
      cite: boLuatLD("Điều 25"),
    },
    false,
  ),
  trueFalse(
    {
      id: "LD-009",
      topic: LD,
      level: "HARD",
      stem: "Không áp dụng thử việc đối với người lao động giao kết hợp đồng lao động có thời hạn dưới 01 tháng.",
      explanation:
        "Khoản 3 Điều 24 quy định không áp dụng thử việc đối với người lao động giao kết hợp đồng lao động có thời hạn dưới 01 tháng.",
      cite: boLuatLD("Điều 24", "khoản 3"),
    },
    true,
  ),
  single(
    {
      id: "LD-010",
      topic: LD,
      level: "MEDIUM",
      stem: "Hợp đồng lao động xác định thời hạn có thời hạn tối đa bao lâu?",
      explanation:
        "Điểm b khoản 1 Điều 20: hợp đồng lao động xác định thời hạn là hợp đồng mà hai bên xác định thời hạn, thời điểm chấm dứt hiệu lực trong thời gian không quá 36 tháng kể từ thời điểm có hiệu lực.",
      cite: boLuatLD("Điều 20", "điểm b khoản 1"),
    },
    [no("Không quá 12 tháng"), no("Không quá 24 tháng"), ok("Không quá 36 tháng"), no("Không quá 60 tháng")],
  ),
  single(
    {
      id: "LD-011",
      topic: LD,
      level: "MEDIUM",
      stem: "Hai bên có thể giao kết hợp đồng lao động bằng lời nói đối với hợp đồng có thời hạn:",
      explanation:
        "Khoản 2 Điều 14 cho phép giao kết hợp đồng lao động bằng lời nói đối với hợp đồng có thời hạn dưới 01 tháng, trừ một số trường hợp luật yêu cầu phải bằng văn bản (như lao động chưa đủ 15 tuổi, người giúp việc gia đình).",
      cite: boLuatLD("Điều 14", "khoản 2"),
    },
    [
      ok("Dưới 01 tháng, trừ một số trường hợp luật định"),
      no("Dưới 03 tháng"),
      no("Dưới 06 tháng"),
      no("Dưới 12 tháng"),
    ],
  ),
  multiple(
    {
      id: "LD-012",
      topic: LD,
      level: "MEDIUM",
      stem: "Khi giao kết, thực hiện hợp đồng lao động, người sử dụng lao động không được làm những việc nào sau đây?",
      explanation:
        "Điều 17 cấm người sử dụng lao động giữ bản chính giấy tờ tùy thân, văn bằng, chứng chỉ của người lao động; yêu cầu người lao động thực hiện biện pháp bảo đảm bằng tiền hoặc tài sản; buộc người lao động thực hiện hợp đồng để trả nợ cho người sử dụng lao động.",
      cite: boLuatLD("Điều 17"),
    },
    [
      ok("Giữ bản chính văn bằng, chứng chỉ của người lao động"),
      no("Yêu cầu người lao động cung cấp thông tin về trình độ, kỹ năng nghề"),
      ok("Yêu cầu người lao động đặt cọc tiền để bảo đảm thực hiện hợp đồng"),
      ok("Buộc người lao động làm việc để trả nợ cho người sử dụng lao động"),
      no("Thỏa thuận với người lao động về thời gian thử việc"),
    ],
  ),
  single(
    {
      id: "LD-013",
      topic: LD,
      level: "HARD",
      stem: "Bạn Nam 17 tuổi đã làm việc đủ 12 tháng cho một người sử dụng lao động trong điều kiện bình thường. Số ngày nghỉ hằng năm hưởng nguyên lương của Nam là:",
      explanation:
        "Điểm b khoản 1 Điều 113: người lao động chưa thành niên (cùng lao động là người khuyết tật, người làm nghề nặng nhọc, độc hại, nguy hiểm) được nghỉ 14 ngày làm việc mỗi năm, nhiều hơn mức 12 ngày của người lao động bình thường.",
      cite: boLuatLD("Điều 113", "điểm b khoản 1"),
    },
    [no("10 ngày làm việc"), no("12 ngày làm việc"), ok("14 ngày làm việc"), no("16 ngày làm việc")],
  ),
  single(
    {
      id: "LD-014",
      topic: LD,
      level: "EASY",
      stem: "Người lao động làm việc đủ 12 tháng trong điều kiện bình thường được nghỉ hằng năm, hưởng nguyên lương bao nhiêu ngày làm việc?",
      explanation:
        "Điểm a khoản 1 Điều 113 quy định người lao động làm việc đủ 12 tháng cho một người sử dụng lao động được nghỉ hằng năm hưởng nguyên lương 12 ngày làm việc đối với người làm công việc trong điều kiện bình thường.",
      cite: boLuatLD("Điều 113", "điểm a khoản 1"),
    },
    [ok("12 ngày"), no("10 ngày"), no("14 ngày"), no("15 ngày")],
  ),
  single(
    {
      id: "LD-015",
      topic: LD,
      level: "MEDIUM",
      stem: "Theo Bộ luật Lao động, cứ đủ bao nhiêu năm làm việc cho một người sử dụng lao động thì số ngày nghỉ hằng năm được tăng thêm 01 ngày?",
      explanation:
        "Điều 114 quy định cứ đủ 05 năm làm việc cho một người sử dụng lao động thì số ngày nghỉ hằng năm của người lao động được tăng thêm tương ứng 01 ngày.",
      cite: boLuatLD("Điều 114"),
    },
    [no("02 năm"), no("03 năm"), ok("05 năm"), no("10 năm")],
  ),
  single(
    {
      id: "LD-016",
      topic: LD,
      level: "MEDIUM",
      stem: "Người lao động kết hôn được nghỉ việc riêng mà vẫn hưởng nguyên lương bao nhiêu ngày?",
      explanation:
        "Điểm a khoản 1 Điều 115 quy định người lao động được nghỉ việc riêng mà vẫn hưởng nguyên lương và phải thông báo với người sử dụng lao động khi kết hôn: nghỉ 03 ngày.",
      cite: boLuatLD("Điều 115", "điểm a khoản 1"),
    },
    [no("01 ngày"), ok("03 ngày"), no("05 ngày"), no("07 ngày")],
  ),
  single(
    {
      id: "LD-017",
      topic: LD,
      level: "HARD",
      stem: "Người lao động làm thêm giờ vào ngày nghỉ hằng tuần được trả lương ít nhất bằng bao nhiêu so với tiền lương của công việc đang làm?",
      explanation:
        "Khoản 1 Điều 98: làm thêm giờ vào ngày thường ít nhất bằng 150%, vào ngày nghỉ hằng tuần ít nhất bằng 200%, vào ngày nghỉ lễ, tết, ngày nghỉ có hưởng lương ít nhất bằng 300%.",
      cite: boLuatLD("Điều 98", "khoản 1"),
    },
    [no("Ít nhất bằng 150%"), ok("Ít nhất bằng 200%"), no("Ít nhất bằng 300%"), no("Ít nhất bằng 400%")],
  ),
  single(
    {
      id: "LD-018",
      topic: LD,
      level: "MEDIUM",
      stem: "Theo Bộ luật Lao động năm 2019, giờ làm việc ban đêm được tính:",
      explanation: "Điều 106 quy định giờ làm việc ban đêm được tính từ 22 giờ đến 06 giờ sáng ngày hôm sau.",
      cite: boLuatLD("Điều 106"),
    },
    [
      no("Từ 21 giờ đến 05 giờ sáng ngày hôm sau"),
      no("Từ 22 giờ đến 05 giờ sáng ngày hôm sau"),
      no("Từ 23 giờ đến 06 giờ sáng ngày hôm sau"),
      ok("Từ 22 giờ đến 06 giờ sáng ngày hôm sau"),
    ],
  ),
  single(
    {
      id: "LD-019",
      topic: LD,
      level: "MEDIUM",
      stem: "Người lao động làm việc ban ngày liên tục từ 06 giờ trở lên trong một ngày thì được nghỉ giữa giờ ít nhất bao nhiêu phút liên tục?",
      explanation:
        "Khoản 1 Điều 109: người lao động làm việc theo thời giờ làm việc quy định tại Điều 105 từ 06 giờ trở lên trong một ngày thì được nghỉ giữa giờ ít nhất 30 phút liên tục; làm việc vào ban đêm thì ít nhất 45 phút liên tục.",
      cite: boLuatLD("Điều 109", "khoản 1"),
    },
    [no("15 phút"), no("20 phút"), ok("30 phút"), no("60 phút")],
  ),
  multiple(
    {
      id: "LD-026",
      topic: LD,
      level: "MEDIUM",
      stem: "Theo khoản 1 Điều 115 Bộ luật Lao động, người lao động được nghỉ việc riêng mà vẫn hưởng nguyên lương trong những trường hợp nào sau đây?",
      explanation:
        "Khoản 1 Điều 115: người lao động được nghỉ việc riêng hưởng nguyên lương khi kết hôn (03 ngày), con đẻ, con nuôi kết hôn (01 ngày), cha đẻ, mẹ đẻ, cha nuôi, mẹ nuôi, vợ hoặc chồng, con đẻ, con nuôi chết (03 ngày). Đi du lịch hay anh họ kết hôn không thuộc các trường hợp này.",
      cite: boLuatLD("Điều 115", "khoản 1"),
    },
    [
      ok("Bản thân người lao động kết hôn"),
      no("Đi du lịch cùng gia đình"),
      ok("Con đẻ của người lao động kết hôn"),
      ok("Cha đẻ hoặc mẹ đẻ của người lao động chết"),
      no("Anh họ của người lao động kết hôn"),
    ],
  ),
  trueFalse(
    {
      id: "LD-020",
      topic: LD,
      level: "HARD",
      stem: "Theo lộ trình của Bộ luật Lao động năm 2019, tuổi nghỉ hưu trong điều kiện lao động bình thường sẽ đạt đủ 62 tuổi đối với lao động nam vào năm 2028 và đủ 60 tuổi đối với lao động nữ vào năm 2035.",
      explanation:
        "Khoản 2 Điều 169 quy định tuổi nghỉ hưu trong điều kiện lao động bình thường được điều chỉnh theo lộ trình cho đến khi đủ 62 tuổi đối với lao động nam vào năm 2028 và đủ 60 tuổi đối với lao động nữ vào năm 2035.",
      cite: boLuatLD("Điều 169", "khoản 2"),
    },
    true,
  ),
  multiple(
    {
      id: "LD-021",
      topic: LD,
      level: "HARD",
      stem: "Trong những trường hợp nào sau đây, người lao động có quyền đơn phương chấm dứt hợp đồng lao động mà không cần báo trước?",
      explanation:
        "Khoản 2 Điều 35 cho phép người lao động đơn phương chấm dứt hợp đồng không cần báo trước khi không được trả đủ lương hoặc trả lương không đúng thời hạn (trừ trường hợp luật định), bị ngược đãi, đánh đập, nhục mạ, bị quấy rối tình dục tại nơi làm việc… Muốn chuyển việc hay không hợp đồng nghiệp thì phải tuân thủ thời hạn báo trước.",
      cite: boLuatLD("Điều 35", "khoản 2"),
    },
    [
      ok("Bị quấy rối tình dục tại nơi làm việc"),
      no("Muốn chuyển sang công ty khác có mức lương cao hơn"),
      ok("Không được trả đủ lương hoặc bị trả lương không đúng thời hạn"),
      ok("Bị người sử dụng lao động ngược đãi, đánh đập, nhục mạ"),
      no("Không hợp tính với đồng nghiệp cùng phòng"),
    ],
  ),
  single(
    {
      id: "LD-022",
      topic: LD,
      level: "MEDIUM",
      stem: "Công ty X trừ một khoản tiền lương của anh A vì anh đi làm muộn, thay cho việc xử lý kỷ luật lao động. Theo Bộ luật Lao động, việc làm này:",
      explanation:
        "Khoản 2 Điều 127 nghiêm cấm phạt tiền, cắt lương thay việc xử lý kỷ luật lao động, kể cả khi nội quy có ghi hay khoản trừ nhỏ.",
      cite: boLuatLD("Điều 127", "khoản 2"),
    },
    [
      no("Được phép nếu đã ghi trong nội quy lao động"),
      no("Được phép nếu anh A vi phạm từ lần thứ hai"),
      ok("Bị nghiêm cấm"),
      no("Được phép nếu khoản trừ nhỏ hơn 10% tiền lương"),
    ],
  ),
  single(
    {
      id: "LD-023",
      topic: LD,
      level: "MEDIUM",
      stem: "Hình thức nào sau đây KHÔNG phải là hình thức xử lý kỷ luật lao động theo Bộ luật Lao động năm 2019?",
      explanation:
        "Điều 124 quy định bốn hình thức xử lý kỷ luật lao động: khiển trách; kéo dài thời hạn nâng lương không quá 06 tháng; cách chức; sa thải. Phạt tiền không phải hình thức kỷ luật lao động và còn bị nghiêm cấm (khoản 2 Điều 127).",
      cite: boLuatLD("Điều 124"),
    },
    [no("Khiển trách"), no("Cách chức"), ok("Phạt tiền"), no("Sa thải")],
  ),
  multiple(
    {
      id: "LD-024",
      topic: LD,
      level: "EASY",
      stem: "Những hành vi nào sau đây bị nghiêm cấm trong lĩnh vực lao động theo Điều 8 Bộ luật Lao động?",
      explanation:
        "Điều 8 nghiêm cấm phân biệt đối xử trong lao động; ngược đãi người lao động, cưỡng bức lao động; quấy rối tình dục tại nơi làm việc; sử dụng lao động chưa thành niên trái pháp luật… Trả lương cao hơn mức tối thiểu và tổ chức đối thoại tại nơi làm việc là việc được khuyến khích.",
      cite: boLuatLD("Điều 8"),
    },
    [
      ok("Quấy rối tình dục tại nơi làm việc"),
      ok("Cưỡng bức lao động"),
      no("Thỏa thuận trả lương cao hơn mức lương tối thiểu"),
      ok("Phân biệt đối xử trong lao động"),
      no("Tổ chức đối thoại tại nơi làm việc"),
    ],
  ),
  single(
    {
      id: "LD-025",
      topic: LD,
      level: "MEDIUM",
      stem: "Trong trường hợp nào sau đây, người sử dụng lao động KHÔNG được thực hiện quyền đơn phương chấm dứt hợp đồng lao động?",
      explanation:
        "Khoản 3 Điều 37 quy định người sử dụng lao động không được đơn phương chấm dứt hợp đồng lao động khi người lao động là lao động nữ mang thai, đang nghỉ thai sản hoặc nuôi con dưới 12 tháng tuổi. Các trường hợp còn lại là căn cứ để người sử dụng lao động có thể đơn phương chấm dứt hợp đồng theo Điều 36.",
      cite: boLuatLD("Điều 37", "khoản 3"),
    },
    [
      ok("Người lao động là lao động nữ đang mang thai"),
      no("Người lao động thường xuyên không hoàn thành công việc theo hợp đồng"),
      no("Người lao động tự ý bỏ việc không có lý do chính đáng từ 05 ngày làm việc liên tục trở lên"),
      no("Người lao động đủ tuổi nghỉ hưu"),
    ],
  ),
];

const anNinhMang: QuestionDraft[] = [
  single(
    {
      id: "ANM-001",
      topic: ANM,
      level: "EASY",
      stem: "Luật An ninh mạng năm 2025 (Luật số 116/2025/QH15) có hiệu lực thi hành từ ngày nào?",
      explanation:
        "Khoản 1 Điều 44 quy định Luật An ninh mạng năm 2025 có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.",
      cite: luatANM("Điều 44", "khoản 1"),
    },
    [no("01/01/2025"), no("01/7/2025"), no("01/01/2026"), ok("01/7/2026")],
  ),
  single(
    {
      id: "ANM-002",
      topic: ANM,
      level: "MEDIUM",
      stem: "Kể từ ngày Luật An ninh mạng năm 2025 có hiệu lực, những luật nào hết hiệu lực?",
      explanation:
        "Khoản 2 Điều 44 quy định Luật An toàn thông tin mạng số 86/2015/QH13 (đã được sửa đổi, bổ sung) và Luật An ninh mạng số 24/2018/QH14 hết hiệu lực kể từ ngày Luật An ninh mạng năm 2025 có hiệu lực thi hành.",
      cite: luatANM("Điều 44", "khoản 2"),
    },
    [
      ok("Luật An toàn thông tin mạng năm 2015 và Luật An ninh mạng năm 2018"),
      no("Chỉ Luật An ninh mạng năm 2018"),
      no("Luật Giao dịch điện tử và Luật Viễn thông"),
      no("Không luật nào hết hiệu lực, các luật cùng được áp dụng song song"),
    ],
  ),
  single(
    {
      id: "ANM-003",
      topic: ANM,
      level: "MEDIUM",
      stem: "Theo Luật An ninh mạng năm 2025, “không gian mạng” được hiểu là:",
      explanation:
        "Khoản 5 Điều 2: không gian mạng là môi trường được hình thành bởi hệ thống mạng lưới kết nối của cơ sở hạ tầng công nghệ thông tin, bao gồm mạng viễn thông, mạng Internet, mạng máy tính, hệ thống thông tin, hệ thống xử lý và điều khiển thông tin, cơ sở dữ liệu; là nơi con người thực hiện các hành vi xã hội không bị giới hạn bởi không gian và thời gian.",
      cite: luatANM("Điều 2", "khoản 5"),
    },
    [
      no("Chỉ gồm các mạng xã hội do doanh nghiệp cung cấp"),
      ok(
        "Môi trường hình thành bởi hệ thống mạng lưới kết nối của cơ sở hạ tầng công nghệ thông tin, nơi con người thực hiện các hành vi xã hội không bị giới hạn bởi không gian và thời gian",
      ),
      no("Chỉ gồm các trang thông tin điện tử của cơ quan nhà nước"),
      no("Các thiết bị điện tử cá nhân không kết nối mạng"),
    ],
  ),
  single(
    {
      id: "ANM-004",
      topic: ANM,
      level: "MEDIUM",
      stem: "Hành vi sử dụng công nghệ thông tin hoặc phương tiện điện tử để chiếm đoạt thông tin, gây rối loạn, gián đoạn, tê liệt hoạt động hoặc phá hoại hệ thống thông tin được Luật An ninh mạng năm 2025 gọi là:",
      explanation:
        "Khoản 13 Điều 2 định nghĩa tấn công mạng là hành vi thực hiện trên không gian mạng bằng việc sử dụng công nghệ thông tin hoặc phương tiện điện tử để chiếm đoạt thông tin, gây rối loạn, gián đoạn, tê liệt hoạt động, phá hoại hoặc kiểm soát hệ thống mạng, hệ thống thông tin, cơ sở dữ liệu, phương tiện điện tử.",
      cite: luatANM("Điều 2", "khoản 13"),
    },
    [no("Gián điệp mạng"), no("Khủng bố mạng"), ok("Tấn công mạng"), no("Sự cố kỹ thuật thông thường")],
  ),
  single(
    {
      id: "ANM-005",
      topic: ANM,
      level: "HARD",
      stem: "Hành vi thực hiện trên không gian mạng bằng cách sử dụng công nghệ thông tin hoặc phương tiện điện tử nhằm gây hoảng sợ trong công chúng hoặc làm mất ổn định chính trị được gọi là:",
      explanation:
        "Khoản 14 Điều 2 định nghĩa khủng bố mạng theo mục đích gây hoảng sợ trong công chúng hoặc làm mất ổn định chính trị; còn gián điệp mạng (khoản 15) là bí mật xâm nhập để chiếm đoạt, thu thập, sao chép thông tin bí mật nhà nước, dữ liệu quan trọng.",
      cite: luatANM("Điều 2", "khoản 14"),
    },
    [ok("Khủng bố mạng"), no("Gián điệp mạng"), no("Lừa đảo trực tuyến"), no("Tấn công từ chối dịch vụ")],
  ),
  single(
    {
      id: "ANM-006",
      topic: ANM,
      level: "MEDIUM",
      stem: "Theo Luật An ninh mạng năm 2025, “phần mềm độc hại” là:",
      explanation:
        "Khoản 9 Điều 2: phần mềm độc hại là phần mềm có khả năng gây ra hoạt động không bình thường cho một phần hoặc toàn bộ hệ thống thông tin hoặc thực hiện sao chép, sửa đổi, xóa bỏ trái phép thông tin lưu trữ trong hệ thống thông tin.",
      cite: luatANM("Điều 2", "khoản 9"),
    },
    [
      no("Mọi phần mềm không có bản quyền"),
      no("Phần mềm trò chơi trực tuyến dành cho người lớn"),
      ok(
        "Phần mềm có khả năng gây hoạt động không bình thường cho hệ thống thông tin hoặc sao chép, sửa đổi, xóa bỏ trái phép thông tin lưu trữ trong hệ thống",
      ),
      no("Phần mềm do doanh nghiệp nước ngoài sản xuất"),
    ],
  ),
  single(
    {
      id: "ANM-007",
      topic: ANM,
      level: "EASY",
      stem: "Bạn H đăng lên mạng xã hội một bài viết bịa đặt chuyện xấu về một bạn cùng lớp, làm ảnh hưởng đến danh dự của bạn ấy. Theo Luật An ninh mạng năm 2025, hành vi này:",
      explanation:
        "Khoản 1 Điều 7 nghiêm cấm đăng tải, phát tán trên không gian mạng thông tin bịa đặt, vu khống, sai sự thật, xâm phạm nhân phẩm, danh dự, uy tín của người khác, không phụ thuộc tài khoản cá nhân hay số lượt chia sẻ.",
      cite: luatANM("Điều 7", "khoản 1"),
    },
    [
      no("Được phép vì đăng trên tài khoản cá nhân"),
      ok("Là hành vi bị nghiêm cấm"),
      no("Được phép nếu chỉ để chế độ bạn bè xem"),
      no("Chỉ vi phạm nếu bài viết có nhiều lượt chia sẻ"),
    ],
  ),
  trueFalse(
    {
      id: "ANM-008",
      topic: ANM,
      level: "EASY",
      stem: "Chia sẻ lại thông tin sai sự thật gây hoang mang trong Nhân dân trên mạng xã hội không bị coi là vi phạm nếu người chia sẻ không phải là người viết ra thông tin đó.",
      explanation:
        "Khoản 1 Điều 7 nghiêm cấm cả việc đăng tải và phát tán thông tin sai sự thật gây hoang mang trong Nhân dân trên không gian mạng; chia sẻ lại cũng là phát tán.",
      cite: luatANM("Điều 7", "khoản 1"),
    },
    false,
  ),
  multiple(
    {
      id: "ANM-009",
      topic: ANM,
      level: "MEDIUM",
      stem: "Những nội dung nào sau đây bị nghiêm cấm đăng tải, phát tán trên không gian mạng theo khoản 1 Điều 7 Luật An ninh mạng năm 2025?",
      explanation:
        "Khoản 1 Điều 7 nghiêm cấm đăng tải, phát tán thông tin xúc phạm quốc kỳ, quốc huy, quốc ca; xuyên tạc lịch sử, phủ nhận thành tựu cách mạng; thông tin bịa đặt, sai sự thật trong lĩnh vực tài chính, ngân hàng… Chia sẻ kiến thức pháp luật chính thống hay hoạt động tình nguyện là việc làm tích cực.",
      cite: luatANM("Điều 7", "khoản 1"),
    },
    [
      ok("Xúc phạm quốc kỳ, quốc huy, quốc ca"),
      no("Chia sẻ bài phổ biến pháp luật từ cổng thông tin chính thống"),
      ok("Xuyên tạc lịch sử, phủ nhận thành tựu cách mạng"),
      no("Đăng ảnh hoạt động tình nguyện của Đoàn trường"),
      ok("Thông tin bịa đặt, sai sự thật về hoạt động của ngân hàng"),
    ],
  ),
  trueFalse(
    {
      id: "ANM-010",
      topic: ANM,
      level: "EASY",
      stem: "Đăng tải trên không gian mạng nội dung xúc phạm tôn giáo, phân biệt đối xử về giới, phân biệt chủng tộc là hành vi bị nghiêm cấm.",
      explanation:
        "Khoản 1 Điều 7 nghiêm cấm đăng tải, phát tán thông tin xúc phạm tôn giáo, phân biệt đối xử về giới, phân biệt chủng tộc trên không gian mạng.",
      cite: luatANM("Điều 7", "khoản 1"),
    },
    true,
  ),
  single(
    {
      id: "ANM-011",
      topic: ANM,
      level: "EASY",
      stem: "Theo Luật An ninh mạng năm 2025, cơ quan nào là đầu mối giúp Chính phủ thực hiện quản lý nhà nước về an ninh mạng?",
      explanation:
        "Khoản 2 Điều 39 quy định Bộ Công an là cơ quan đầu mối giúp Chính phủ thực hiện quản lý nhà nước về an ninh mạng.",
      cite: luatANM("Điều 39", "khoản 2"),
    },
    [no("Bộ Quốc phòng"), ok("Bộ Công an"), no("Bộ Khoa học và Công nghệ"), no("Bộ Tư pháp")],
  ),
  single(
    {
      id: "ANM-012",
      topic: ANM,
      level: "HARD",
      stem: "Lực lượng chuyên trách bảo vệ an ninh mạng được bố trí tại những cơ quan nào?",
      explanation:
        "Khoản 1 Điều 30 quy định lực lượng chuyên trách bảo vệ an ninh mạng được bố trí tại Bộ Công an và Bộ Quốc phòng.",
      cite: luatANM("Điều 30", "khoản 1"),
    },
    [
      no("Bộ Công an và Bộ Khoa học và Công nghệ"),
      no("Bộ Quốc phòng và Bộ Ngoại giao"),
      no("Ủy ban nhân dân cấp tỉnh và Bộ Công an"),
      ok("Bộ Công an và Bộ Quốc phòng"),
    ],
  ),
  single(
    {
      id: "ANM-013",
      topic: ANM,
      level: "HARD",
      stem: "Trong trường hợp thông thường, doanh nghiệp cung cấp dịch vụ trên mạng phải ngăn chặn việc chia sẻ, xóa bỏ thông tin vi phạm chậm nhất bao lâu kể từ khi có yêu cầu của lực lượng chuyên trách bảo vệ an ninh mạng thuộc Bộ Công an?",
      explanation:
        "Điểm b khoản 2 Điều 25: doanh nghiệp phải ngăn chặn việc chia sẻ, xóa bỏ thông tin, gỡ bỏ dịch vụ, ứng dụng vi phạm chậm nhất 24 giờ kể từ khi có yêu cầu; trường hợp khẩn cấp đe dọa xâm hại an ninh quốc gia thì chậm nhất 06 giờ.",
      cite: luatANM("Điều 25", "điểm b khoản 2"),
    },
    [no("06 giờ"), ok("24 giờ"), no("48 giờ"), no("72 giờ")],
  ),
  single(
    {
      id: "ANM-014",
      topic: ANM,
      level: "MEDIUM",
      stem: "Theo Luật An ninh mạng năm 2025, doanh nghiệp cung cấp dịch vụ trên không gian mạng có trách nhiệm nào sau đây?",
      explanation:
        "Điều 41 quy định doanh nghiệp có trách nhiệm định danh địa chỉ IP của tổ chức, cá nhân sử dụng dịch vụ internet và cung cấp thông tin định danh địa chỉ IP cho lực lượng chuyên trách bảo vệ an ninh mạng để thực hiện biện pháp bảo vệ an ninh mạng; đồng thời cảnh báo, hướng dẫn người dùng phòng ngừa mất an ninh mạng.",
      cite: luatANM("Điều 41"),
    },
    [
      no("Công khai thông tin cá nhân của người dùng để bảo đảm minh bạch"),
      no("Tự xử phạt vi phạm hành chính đối với người dùng"),
      ok(
        "Định danh địa chỉ IP của tổ chức, cá nhân sử dụng dịch vụ internet và cung cấp cho lực lượng chuyên trách khi thực hiện biện pháp bảo vệ an ninh mạng",
      ),
      no("Cung cấp dữ liệu người dùng cho bất kỳ ai có yêu cầu"),
    ],
  ),
  single(
    {
      id: "ANM-015",
      topic: ANM,
      level: "HARD",
      stem: "Theo Luật An ninh mạng năm 2025, hệ thống thông tin được phân loại theo bao nhiêu cấp độ?",
      explanation:
        "Khoản 1 Điều 8 phân loại hệ thống thông tin theo 5 cấp độ, căn cứ mức độ tổn hại khi bị sự cố hoặc có hành vi vi phạm; cấp độ 5 là hệ thống có thể làm tổn hại đặc biệt nghiêm trọng tới an ninh quốc gia.",
      cite: luatANM("Điều 8", "khoản 1"),
    },
    [no("3 cấp độ"), no("4 cấp độ"), ok("5 cấp độ"), no("7 cấp độ")],
  ),
  trueFalse(
    {
      id: "ANM-016",
      topic: ANM,
      level: "HARD",
      stem: "Cơ quan, tổ chức do ngân sách nhà nước bảo đảm phải bố trí tối thiểu 15% tổng kinh phí thực hiện chương trình, đề án, dự án đầu tư chuyển đổi số, ứng dụng công nghệ thông tin để bảo vệ an ninh mạng.",
      explanation:
        "Khoản 1 Điều 38 quy định cơ quan, tổ chức, doanh nghiệp nhà nước, đơn vị sự nghiệp công lập do ngân sách nhà nước bảo đảm phải bố trí tối thiểu 15% tổng kinh phí các chương trình, đề án, dự án chuyển đổi số, ứng dụng công nghệ thông tin để bảo vệ an ninh mạng.",
      cite: luatANM("Điều 38", "khoản 1"),
    },
    true,
  ),
];

const canCuoc: QuestionDraft[] = [
  single(
    {
      id: "CC-001",
      topic: CC,
      level: "EASY",
      stem: "Theo Luật Căn cước năm 2023, công dân Việt Nam từ đủ bao nhiêu tuổi trở lên phải thực hiện thủ tục cấp thẻ căn cước?",
      explanation:
        "Khoản 2 Điều 19 quy định công dân Việt Nam từ đủ 14 tuổi trở lên phải thực hiện thủ tục cấp thẻ căn cước.",
      cite: luatCC("Điều 19", "khoản 2"),
    },
    [ok("Đủ 14 tuổi"), no("Đủ 15 tuổi"), no("Đủ 16 tuổi"), no("Đủ 18 tuổi")],
  ),
  trueFalse(
    {
      id: "CC-002",
      topic: CC,
      level: "EASY",
      stem: "Công dân Việt Nam dưới 14 tuổi không được cấp thẻ căn cước.",
      explanation: "Khoản 3 Điều 19 quy định công dân Việt Nam dưới 14 tuổi được cấp thẻ căn cước theo nhu cầu.",
      cite: luatCC("Điều 19", "khoản 3"),
    },
    false,
  ),
  single(
    {
      id: "CC-003",
      topic: CC,
      level: "EASY",
      stem: "Công dân đã được cấp thẻ căn cước phải thực hiện thủ tục cấp đổi thẻ khi đủ những độ tuổi nào?",
      explanation:
        "Khoản 1 Điều 21 quy định công dân Việt Nam đã được cấp thẻ căn cước phải thực hiện thủ tục cấp đổi thẻ khi đủ 14 tuổi, 25 tuổi, 40 tuổi và 60 tuổi.",
      cite: luatCC("Điều 21", "khoản 1"),
    },
    [
      no("14 tuổi, 20 tuổi, 40 tuổi và 60 tuổi"),
      no("16 tuổi, 25 tuổi, 45 tuổi và 60 tuổi"),
      ok("14 tuổi, 25 tuổi, 40 tuổi và 60 tuổi"),
      no("18 tuổi, 30 tuổi, 45 tuổi và 60 tuổi"),
    ],
  ),
  single(
    {
      id: "CC-004",
      topic: CC,
      level: "HARD",
      stem: "Chị B được cấp lại thẻ căn cước khi 24 tuổi, tức trong thời hạn 02 năm trước mốc 25 tuổi. Khi đủ 25 tuổi, chị B có phải cấp đổi thẻ không?",
      explanation:
        "Khoản 2 Điều 21: thẻ căn cước được cấp, cấp đổi, cấp lại trong thời hạn 02 năm trước độ tuổi cấp đổi thì có giá trị sử dụng đến tuổi cấp đổi thẻ tiếp theo, tức đến khi chị B đủ 40 tuổi.",
      cite: luatCC("Điều 21", "khoản 2"),
    },
    [
      no("Có, bắt buộc cấp đổi khi đủ 25 tuổi"),
      ok("Không, thẻ có giá trị sử dụng đến tuổi cấp đổi tiếp theo là 40 tuổi"),
      no("Có, phải cấp đổi trong vòng 30 ngày kể từ ngày đủ 25 tuổi"),
      no("Không, vì thẻ căn cước có giá trị sử dụng vĩnh viễn"),
    ],
  ),
  single(
    {
      id: "CC-005",
      topic: CC,
      level: "MEDIUM",
      stem: "Theo Luật Căn cước năm 2023, “căn cước” là:",
      explanation:
        "Khoản 1 Điều 3 định nghĩa căn cước là thông tin cơ bản về nhân thân, lai lịch, nhân dạng và sinh trắc học của một người.",
      cite: luatCC("Điều 3", "khoản 1"),
    },
    [
      no("Số điện thoại và địa chỉ thư điện tử của một người"),
      no("Chỉ gồm họ, tên và ngày, tháng, năm sinh"),
      ok("Thông tin cơ bản về nhân thân, lai lịch, nhân dạng và sinh trắc học của một người"),
      no("Giấy tờ xác nhận nơi thường trú"),
    ],
  ),
  single(
    {
      id: "CC-006",
      topic: CC,
      level: "MEDIUM",
      stem: "Theo Luật Căn cước năm 2023, “sinh trắc học” là:",
      explanation:
        "Khoản 3 Điều 3 định nghĩa sinh trắc học là những thuộc tính vật lý, đặc điểm sinh học cá biệt và ổn định của một người để nhận diện, phân biệt người này với người khác.",
      cite: luatCC("Điều 3", "khoản 3"),
    },
    [
      ok(
        "Những thuộc tính vật lý, đặc điểm sinh học cá biệt và ổn định của một người để nhận diện, phân biệt người này với người khác",
      ),
      no("Những đặc điểm bên ngoài có thể thay đổi theo ý thích như kiểu tóc, trang phục"),
      no("Thông tin về nơi cư trú và nơi đăng ký khai sinh"),
      no("Thông tin do người dân tự khai trên mạng xã hội"),
    ],
  ),
  single(
    {
      id: "CC-007",
      topic: CC,
      level: "MEDIUM",
      stem: "Khi làm thủ tục cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên, người tiếp nhận thu nhận những thông tin sinh trắc học nào?",
      explanation:
        "Khoản 1 Điều 23 quy định người tiếp nhận thu nhận thông tin nhân dạng và thông tin sinh trắc học gồm ảnh khuôn mặt, vân tay, mống mắt của người cần cấp thẻ căn cước.",
      cite: luatCC("Điều 23", "khoản 1"),
    },
    [
      no("Chỉ ảnh khuôn mặt"),
      no("Chữ ký tay và nhóm máu"),
      no("Bắt buộc cả ADN và giọng nói"),
      ok("Ảnh khuôn mặt, vân tay, mống mắt"),
    ],
  ),
  single(
    {
      id: "CC-008",
      topic: CC,
      level: "HARD",
      stem: "Cơ quan quản lý căn cước không thu nhận thông tin nhân dạng và thông tin sinh trắc học đối với người dưới bao nhiêu tuổi khi cấp thẻ căn cước?",
      explanation:
        "Khoản 2 Điều 23: người đại diện hợp pháp làm thủ tục cấp thẻ căn cước cho người dưới 06 tuổi qua cổng dịch vụ công hoặc ứng dụng định danh quốc gia; cơ quan quản lý căn cước không thu nhận thông tin nhân dạng và sinh trắc học đối với người dưới 06 tuổi.",
      cite: luatCC("Điều 23", "khoản 2"),
    },
    [no("Dưới 03 tuổi"), ok("Dưới 06 tuổi"), no("Dưới 10 tuổi"), no("Dưới 14 tuổi")],
  ),
  multiple(
    {
      id: "CC-009",
      topic: CC,
      level: "MEDIUM",
      stem: "Những hành vi nào sau đây bị nghiêm cấm theo Luật Căn cước năm 2023?",
      explanation:
        "Điều 7 nghiêm cấm làm giả, sửa chữa, cố ý làm sai lệch nội dung thẻ căn cước; chiếm đoạt, sử dụng trái phép thẻ căn cước của người khác; thuê, cho thuê, cầm cố, nhận cầm cố, hủy hoại thẻ căn cước. Xuất trình thẻ khi làm thủ tục và đề nghị cấp lại thẻ khi bị mất là việc làm đúng luật.",
      cite: luatCC("Điều 7"),
    },
    [
      ok("Cầm cố thẻ căn cước để vay tiền"),
      no("Xuất trình thẻ căn cước khi làm thủ tục hành chính"),
      ok("Sử dụng trái phép thẻ căn cước của người khác"),
      no("Đề nghị cấp lại thẻ căn cước khi bị mất"),
      ok("Sửa chữa, làm sai lệch nội dung thẻ căn cước"),
    ],
  ),
  trueFalse(
    {
      id: "CC-010",
      topic: CC,
      level: "EASY",
      stem: "Cho người khác thuê thẻ căn cước của mình để họ mở tài khoản là hành vi bị nghiêm cấm.",
      explanation:
        "Điều 7 Luật Căn cước nghiêm cấm thuê, cho thuê, cầm cố, nhận cầm cố thẻ căn cước và sử dụng trái phép thẻ căn cước của người khác.",
      cite: luatCC("Điều 7"),
    },
    true,
  ),
  single(
    {
      id: "CC-011",
      topic: CC,
      level: "EASY",
      stem: "Anh A làm mất thẻ căn cước. Theo Luật Căn cước năm 2023, anh A cần làm thủ tục gì?",
      explanation:
        "Khoản 2 Điều 24 quy định trường hợp bị mất thẻ căn cước hoặc thẻ bị hư hỏng không sử dụng được thì thực hiện thủ tục cấp lại thẻ căn cước.",
      cite: luatCC("Điều 24", "khoản 2"),
    },
    [
      ok("Đề nghị cấp lại thẻ căn cước"),
      no("Đề nghị cấp đổi thẻ căn cước"),
      no("Đề nghị cấp giấy chứng minh nhân dân"),
      no("Không cần làm gì cho đến khi đủ 25 tuổi"),
    ],
  ),
  single(
    {
      id: "CC-012",
      topic: CC,
      level: "HARD",
      stem: "Trường hợp nào sau đây thuộc diện cấp đổi (không phải cấp lại) thẻ căn cước?",
      explanation:
        "Khoản 1 Điều 24 liệt kê các trường hợp cấp đổi, trong đó có trường hợp có sai sót về thông tin in trên thẻ. Bị mất thẻ hoặc được trở lại quốc tịch Việt Nam thuộc diện cấp lại (khoản 2 Điều 24); chuyển trường học không phải căn cứ cấp đổi.",
      cite: luatCC("Điều 24", "khoản 1"),
    },
    [
      no("Thẻ căn cước bị mất"),
      no("Được trở lại quốc tịch Việt Nam"),
      ok("Có sai sót về thông tin in trên thẻ căn cước"),
      no("Người được cấp thẻ chuyển sang học ở trường khác"),
    ],
  ),
  multiple(
    {
      id: "CC-015",
      topic: CC,
      level: "HARD",
      stem: "Những trường hợp nào sau đây thuộc diện cấp đổi thẻ căn cước (không phải cấp lại)?",
      explanation:
        "Khoản 1 Điều 24 quy định cấp đổi khi đến tuổi cấp đổi theo Điều 21, thay đổi, cải chính họ, chữ đệm, tên khai sinh, ngày sinh, có sai sót về thông tin in trên thẻ… Bị mất thẻ hoặc thẻ hư hỏng không sử dụng được thì cấp lại (khoản 2 Điều 24).",
      cite: luatCC("Điều 24", "khoản 1"),
    },
    [
      ok("Công dân được cải chính họ, chữ đệm, tên khai sinh"),
      no("Thẻ căn cước bị mất"),
      ok("Công dân đủ 25 tuổi"),
      no("Thẻ căn cước bị hư hỏng không sử dụng được"),
      ok("Có sai sót về thông tin in trên thẻ"),
    ],
  ),
  single(
    {
      id: "CC-013",
      topic: CC,
      level: "EASY",
      stem: "Theo Luật Căn cước năm 2023, mỗi công dân Việt Nam được cấp bao nhiêu căn cước điện tử?",
      explanation: "Khoản 1 Điều 31 quy định mỗi công dân Việt Nam được cấp 01 căn cước điện tử.",
      cite: luatCC("Điều 31", "khoản 1"),
    },
    [
      no("02 căn cước điện tử"),
      no("Không giới hạn số lượng"),
      no("Mỗi thiết bị di động một căn cước điện tử"),
      ok("01 căn cước điện tử"),
    ],
  ),
  single(
    {
      id: "CC-014",
      topic: CC,
      level: "MEDIUM",
      stem: "Theo Luật Căn cước năm 2023, trường hợp nào sau đây bị giữ thẻ căn cước?",
      explanation:
        "Khoản 2 Điều 29 quy định thẻ căn cước bị giữ khi người được cấp thẻ đang bị tạm giữ, tạm giam, chấp hành án phạt tù hoặc đang chấp hành biện pháp đưa vào trường giáo dưỡng, cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc; thẻ được trả lại khi hết thời hạn hoặc chấp hành xong.",
      cite: luatCC("Điều 29", "khoản 2"),
    },
    [
      ok("Người đang bị tạm giam"),
      no("Người đang đi du lịch ở nước ngoài"),
      no("Người đang điều trị tại bệnh viện"),
      no("Người đang học tập xa nơi cư trú"),
    ],
  ),
];

const baoLucGiaDinh: QuestionDraft[] = [
  single(
    {
      id: "BLGD-001",
      topic: BLGD,
      level: "MEDIUM",
      stem: "Theo Luật Phòng, chống bạo lực gia đình năm 2022, bạo lực gia đình là:",
      explanation:
        "Khoản 1 Điều 2 định nghĩa bạo lực gia đình là hành vi cố ý của thành viên gia đình gây tổn hại hoặc có khả năng gây tổn hại về thể chất, tinh thần, tình dục, kinh tế đối với thành viên khác trong gia đình.",
      cite: luatBLGD("Điều 2", "khoản 1"),
    },
    [
      no("Chỉ là hành vi đánh đập gây thương tích cho người trong gia đình"),
      ok(
        "Hành vi cố ý của thành viên gia đình gây tổn hại hoặc có khả năng gây tổn hại về thể chất, tinh thần, tình dục, kinh tế đối với thành viên khác trong gia đình",
      ),
      no("Hành vi của người ngoài xâm phạm tài sản của gia đình"),
      no("Mọi mâu thuẫn, tranh luận thông thường giữa các thành viên gia đình"),
    ],
  ),
  multiple(
    {
      id: "BLGD-002",
      topic: BLGD,
      level: "EASY",
      stem: "Những hành vi nào sau đây là hành vi bạo lực gia đình theo khoản 1 Điều 3 Luật Phòng, chống bạo lực gia đình?",
      explanation:
        "Khoản 1 Điều 3 liệt kê các hành vi bạo lực gia đình, trong đó có lăng mạ, chì chiết xúc phạm danh dự, nhân phẩm; cưỡng ép thành viên gia đình lao động quá sức; cô lập, giam cầm thành viên gia đình. Nhắc con làm bài tập hay góp ý thói quen sinh hoạt không phải là bạo lực.",
      cite: luatBLGD("Điều 3", "khoản 1"),
    },
    [
      ok("Lăng mạ, chì chiết xúc phạm danh dự, nhân phẩm thành viên gia đình"),
      no("Nhắc nhở con hoàn thành bài tập về nhà"),
      ok("Cưỡng ép thành viên gia đình lao động quá sức"),
      ok("Cô lập, giam cầm thành viên gia đình"),
      no("Góp ý với người thân về thói quen sinh hoạt chưa tốt"),
    ],
  ),
  multiple(
    {
      id: "BLGD-014",
      topic: BLGD,
      level: "MEDIUM",
      stem: "Những nội dung nào sau đây thuộc nguyên tắc phòng, chống bạo lực gia đình theo Điều 4 Luật Phòng, chống bạo lực gia đình năm 2022?",
      explanation:
        "Điều 4 quy định các nguyên tắc như chú trọng tuyên truyền, giáo dục, tư vấn, hòa giải; phát huy vai trò, trách nhiệm của cá nhân, gia đình, cộng đồng; cán bộ, công chức, viên chức và lực lượng vũ trang thực hiện trách nhiệm nêu gương. Hành vi vi phạm phải được kịp thời phát hiện, ngăn chặn, xử lý chứ không giữ kín.",
      cite: luatBLGD("Điều 4"),
    },
    [
      ok("Chú trọng hoạt động tuyên truyền, giáo dục, tư vấn, hòa giải"),
      no("Giữ kín mọi vụ việc bạo lực trong phạm vi gia đình"),
      ok("Phát huy vai trò, trách nhiệm của cá nhân, gia đình, cộng đồng"),
      ok("Cán bộ, công chức, viên chức thực hiện trách nhiệm nêu gương"),
      no("Chỉ xử lý khi người bị bạo lực gia đình bị thương tích nặng"),
    ],
  ),
  trueFalse(
    {
      id: "BLGD-003",
      topic: BLGD,
      level: "MEDIUM",
      stem: "Kiểm soát tài sản, thu nhập của thành viên gia đình nhằm tạo ra tình trạng lệ thuộc về vật chất, tinh thần là một hành vi bạo lực gia đình.",
      explanation:
        "Khoản 1 Điều 3 xác định kiểm soát tài sản, thu nhập của thành viên gia đình nhằm tạo ra tình trạng lệ thuộc về mặt vật chất, tinh thần hoặc các mặt khác là hành vi bạo lực gia đình (bạo lực về kinh tế).",
      cite: luatBLGD("Điều 3", "khoản 1"),
    },
    true,
  ),
  trueFalse(
    {
      id: "BLGD-004",
      topic: BLGD,
      level: "HARD",
      stem: "Các hành vi bạo lực gia đình cũng được áp dụng đối với nam, nữ không đăng ký kết hôn mà chung sống với nhau như vợ chồng.",
      explanation:
        "Khoản 2 Điều 3 quy định hành vi bạo lực gia đình tại khoản 1 cũng được áp dụng đối với trường hợp nam, nữ không đăng ký kết hôn mà chung sống với nhau như vợ chồng (và thành viên gia đình của vợ, chồng đã ly hôn).",
      cite: luatBLGD("Điều 3", "khoản 2"),
    },
    true,
  ),
  single(
    {
      id: "BLGD-005",
      topic: BLGD,
      level: "MEDIUM",
      stem: "Nguyên tắc đầu tiên của công tác phòng, chống bạo lực gia đình theo Luật năm 2022 là:",
      explanation:
        "Khoản 1 Điều 4 quy định nguyên tắc: phòng ngừa là chính, lấy người bị bạo lực gia đình là trung tâm.",
      cite: luatBLGD("Điều 4", "khoản 1"),
    },
    [
      no("Xử phạt là chính, lấy gia đình là trung tâm"),
      no("Hòa giải là bắt buộc trong mọi trường hợp"),
      ok("Phòng ngừa là chính, lấy người bị bạo lực gia đình là trung tâm"),
      no("Chỉ can thiệp khi nạn nhân bị thương tích nghiêm trọng"),
    ],
  ),
  single(
    {
      id: "BLGD-006",
      topic: BLGD,
      level: "HARD",
      stem: "Nguyên tắc phòng, chống bạo lực gia đình ưu tiên bảo vệ quyền và lợi ích hợp pháp của người bị bạo lực gia đình là phụ nữ đang nuôi con dưới bao nhiêu tháng tuổi?",
      explanation:
        "Khoản 2 Điều 4 ưu tiên bảo vệ người bị bạo lực gia đình là phụ nữ mang thai, phụ nữ đang nuôi con dưới 36 tháng tuổi, người cao tuổi, người khuyết tật, người không có khả năng tự chăm sóc; đồng thời bảo đảm lợi ích tốt nhất của trẻ em.",
      cite: luatBLGD("Điều 4", "khoản 2"),
    },
    [no("12 tháng tuổi"), no("24 tháng tuổi"), ok("36 tháng tuổi"), no("72 tháng tuổi")],
  ),
  single(
    {
      id: "BLGD-007",
      topic: BLGD,
      level: "MEDIUM",
      stem: "Chủ tịch Ủy ban nhân dân cấp xã nơi xảy ra hành vi bạo lực gia đình được quyết định áp dụng biện pháp cấm tiếp xúc mỗi lần không quá bao lâu?",
      explanation:
        "Điều 25 quy định Chủ tịch Ủy ban nhân dân cấp xã quyết định áp dụng biện pháp cấm tiếp xúc mỗi lần không quá 03 ngày khi có đề nghị hợp lệ hoặc khi hành vi bạo lực đe dọa tính mạng của người bị bạo lực gia đình.",
      cite: luatBLGD("Điều 25"),
    },
    [ok("03 ngày"), no("07 ngày"), no("15 ngày"), no("30 ngày")],
  ),
  single(
    {
      id: "BLGD-008",
      topic: BLGD,
      level: "HARD",
      stem: "Tòa án đang thụ lý vụ án dân sự giữa người bị bạo lực gia đình và người có hành vi bạo lực gia đình có thể quyết định cấm tiếp xúc trong thời gian không quá bao lâu?",
      explanation:
        "Điều 26 quy định Tòa án nhân dân đang thụ lý hoặc giải quyết vụ án dân sự giữa hai bên quyết định áp dụng biện pháp cấm tiếp xúc trong thời gian không quá 04 tháng khi có đủ điều kiện luật định.",
      cite: luatBLGD("Điều 26"),
    },
    [no("03 ngày"), no("01 tháng"), ok("04 tháng"), no("12 tháng")],
  ),
  multiple(
    {
      id: "BLGD-009",
      topic: BLGD,
      level: "MEDIUM",
      stem: "Theo khoản 1 Điều 22 Luật Phòng, chống bạo lực gia đình, biện pháp nào sau đây là biện pháp ngăn chặn hành vi bạo lực gia đình và bảo vệ, hỗ trợ người bị bạo lực gia đình?",
      explanation:
        "Khoản 1 Điều 22 liệt kê các biện pháp như buộc chấm dứt hành vi bạo lực gia đình, cấm tiếp xúc, bố trí nơi tạm lánh và hỗ trợ nhu cầu thiết yếu, chăm sóc, điều trị, trợ giúp pháp lý… Buộc người bị bạo lực rời khỏi nhà hay công khai hình ảnh của họ là trái với mục đích bảo vệ.",
      cite: luatBLGD("Điều 22", "khoản 1"),
    },
    [
      ok("Buộc chấm dứt hành vi bạo lực gia đình"),
      ok("Cấm tiếp xúc"),
      no("Buộc người bị bạo lực gia đình phải rời khỏi nhà"),
      ok("Bố trí nơi tạm lánh và hỗ trợ nhu cầu thiết yếu"),
      no("Công khai hình ảnh người bị bạo lực gia đình lên mạng xã hội"),
    ],
  ),
  single(
    {
      id: "BLGD-010",
      topic: BLGD,
      level: "EASY",
      stem: "Khi phát hiện hành vi bạo lực gia đình ở nhà hàng xóm, em có thể báo tin cho cơ quan nào sau đây?",
      explanation:
        "Khoản 1 Điều 19 quy định các địa chỉ tiếp nhận tin báo, tố giác về bạo lực gia đình, trong đó có cơ quan Công an nơi gần nhất và Ủy ban nhân dân cấp xã nơi xảy ra hành vi bạo lực gia đình.",
      cite: luatBLGD("Điều 19", "khoản 1"),
    },
    [
      no("Chỉ được báo cho người thân của người gây bạo lực"),
      ok("Cơ quan Công an nơi gần nhất hoặc Ủy ban nhân dân cấp xã nơi xảy ra bạo lực gia đình"),
      no("Chỉ được báo khi người gây bạo lực đồng ý"),
      no("Không được báo vì đó là chuyện riêng của gia đình họ"),
    ],
  ),
  single(
    {
      id: "BLGD-011",
      topic: BLGD,
      level: "EASY",
      stem: "Ông X đe dọa sẽ trả thù người hàng xóm vì người này đã báo Công an việc ông đánh vợ. Theo Luật Phòng, chống bạo lực gia đình, hành vi của ông X:",
      explanation:
        "Điều 5 nghiêm cấm trả thù, đe dọa trả thù người giúp đỡ người bị bạo lực gia đình, người phát hiện, báo tin, ngăn chặn hành vi bạo lực gia đình.",
      cite: luatBLGD("Điều 5"),
    },
    [
      no("Không vi phạm vì chỉ là lời nói"),
      no("Chỉ vi phạm nếu gây thương tích cho người báo tin"),
      no("Là chuyện riêng giữa hai gia đình, pháp luật không điều chỉnh"),
      ok("Là hành vi bị nghiêm cấm"),
    ],
  ),
  single(
    {
      id: "BLGD-012",
      topic: BLGD,
      level: "EASY",
      stem: "Tình huống nào sau đây là hành vi bạo lực gia đình?",
      explanation:
        "Khoản 1 Điều 3 xác định cưỡng ép tảo hôn, cưỡng ép kết hôn, ly hôn hoặc cản trở kết hôn, ly hôn là hành vi bạo lực gia đình. Khuyên bảo, hướng dẫn con phù hợp lứa tuổi không phải là bạo lực.",
      cite: luatBLGD("Điều 3", "khoản 1"),
    },
    [
      no("Cha mẹ khuyên con tập trung học tập, chưa nên yêu sớm"),
      no("Cha mẹ giao cho con việc nhà phù hợp với độ tuổi"),
      no("Anh chị góp ý khi em sử dụng điện thoại quá nhiều"),
      ok("Cha mẹ ép con gái chưa đủ tuổi kết hôn phải lấy chồng"),
    ],
  ),
  single(
    {
      id: "BLGD-013",
      topic: BLGD,
      level: "MEDIUM",
      stem: "Biện pháp nào sau đây có trong danh mục biện pháp ngăn chặn hành vi bạo lực gia đình và bảo vệ, hỗ trợ người bị bạo lực gia đình?",
      explanation:
        "Khoản 1 Điều 22 có biện pháp góp ý, phê bình người có hành vi bạo lực gia đình trong cộng đồng dân cư và thực hiện công việc phục vụ cộng đồng; luật không có biện pháp buộc người bị bạo lực xin lỗi hay tịch thu toàn bộ tài sản.",
      cite: luatBLGD("Điều 22", "khoản 1"),
    },
    [
      ok("Góp ý, phê bình người có hành vi bạo lực gia đình trong cộng đồng dân cư"),
      no("Buộc người bị bạo lực gia đình xin lỗi người gây bạo lực"),
      no("Tịch thu toàn bộ tài sản của người gây bạo lực"),
      no("Buộc cả hai bên ly hôn"),
    ],
  ),
];

const treEm: QuestionDraft[] = [
  single(
    {
      id: "TE-001",
      topic: TE,
      level: "EASY",
      stem: "Theo Luật Trẻ em năm 2016, trẻ em là người dưới bao nhiêu tuổi?",
      explanation: "Điều 1 Luật Trẻ em quy định trẻ em là người dưới 16 tuổi.",
      cite: luatTE("Điều 1"),
    },
    [no("Dưới 14 tuổi"), no("Dưới 15 tuổi"), ok("Dưới 16 tuổi"), no("Dưới 18 tuổi")],
  ),
  trueFalse(
    {
      id: "TE-002",
      topic: TE,
      level: "EASY",
      stem: "Theo Luật Trẻ em năm 2016, bạn Nam vừa tròn 16 tuổi vẫn là trẻ em.",
      explanation:
        "Điều 1 quy định trẻ em là người dưới 16 tuổi, nên người đã đủ 16 tuổi không còn là trẻ em theo Luật Trẻ em.",
      cite: luatTE("Điều 1"),
    },
    false,
  ),
  single(
    {
      id: "TE-003",
      topic: TE,
      level: "MEDIUM",
      stem: "Công bố thông tin về đời sống riêng tư của trẻ em phải có sự đồng ý của cha, mẹ, người giám hộ và của chính trẻ em từ đủ bao nhiêu tuổi trở lên?",
      explanation:
        "Khoản 11 Điều 6 nghiêm cấm công bố, tiết lộ thông tin về đời sống riêng tư, bí mật cá nhân của trẻ em mà không được sự đồng ý của trẻ em từ đủ 07 tuổi trở lên và của cha, mẹ, người giám hộ của trẻ em.",
      cite: luatTE("Điều 6", "khoản 11"),
    },
    [ok("Đủ 07 tuổi"), no("Đủ 10 tuổi"), no("Đủ 12 tuổi"), no("Đủ 14 tuổi")],
  ),
  multiple(
    {
      id: "TE-004",
      topic: TE,
      level: "MEDIUM",
      stem: "Những hành vi nào sau đây bị nghiêm cấm theo Điều 6 Luật Trẻ em?",
      explanation:
        "Điều 6 nghiêm cấm tổ chức, hỗ trợ, xúi giục, ép buộc trẻ em tảo hôn (khoản 4); kỳ thị, phân biệt đối xử với trẻ em vì hoàn cảnh gia đình (khoản 8); bán cho trẻ em hoặc cho trẻ em sử dụng rượu, bia, thuốc lá (khoản 9).",
      cite: luatTE("Điều 6", "khoản 4, 8 và 9"),
    },
    [
      ok("Bán thuốc lá cho trẻ em"),
      no("Tổ chức diễn đàn để trẻ em bày tỏ ý kiến"),
      ok("Kỳ thị, phân biệt đối xử với trẻ em vì hoàn cảnh gia đình"),
      no("Hướng dẫn trẻ em kỹ năng tự bảo vệ"),
      ok("Xúi giục, ép buộc trẻ em tảo hôn"),
    ],
  ),
  single(
    {
      id: "TE-005",
      topic: TE,
      level: "EASY",
      stem: "Tháng hành động vì trẻ em được tổ chức vào tháng nào hằng năm?",
      explanation:
        "Khoản 1 Điều 11 quy định Tháng hành động vì trẻ em được tổ chức vào tháng 6 hằng năm để thúc đẩy phong trào toàn dân chăm sóc, giáo dục và bảo vệ trẻ em.",
      cite: luatTE("Điều 11", "khoản 1"),
    },
    [no("Tháng 1"), ok("Tháng 6"), no("Tháng 9"), no("Tháng 11")],
  ),
  single(
    {
      id: "TE-006",
      topic: TE,
      level: "MEDIUM",
      stem: "Theo Luật Trẻ em, “xâm hại trẻ em” gồm những hình thức nào?",
      explanation:
        "Khoản 5 Điều 4: xâm hại trẻ em là hành vi gây tổn hại về thể chất, tình cảm, tâm lý, danh dự, nhân phẩm của trẻ em dưới các hình thức bạo lực, bóc lột, xâm hại tình dục, mua bán, bỏ rơi, bỏ mặc trẻ em và các hình thức gây tổn hại khác.",
      cite: luatTE("Điều 4", "khoản 5"),
    },
    [
      no("Chỉ các hành vi gây thương tích về thân thể"),
      no("Chỉ hành vi xâm hại tình dục"),
      ok("Bạo lực, bóc lột, xâm hại tình dục, mua bán, bỏ rơi, bỏ mặc trẻ em và các hình thức gây tổn hại khác"),
      no("Chỉ hành vi của người lạ, không tính người trong gia đình"),
    ],
  ),
  single(
    {
      id: "TE-007",
      topic: TE,
      level: "EASY",
      stem: "Anh trai tự ý đọc tin nhắn riêng của em gái 12 tuổi rồi chụp màn hình đăng lên mạng để trêu chọc. Hành vi này xâm phạm quyền nào của trẻ em?",
      explanation:
        "Điều 21 quy định trẻ em có quyền bất khả xâm phạm về đời sống riêng tư, bí mật cá nhân; được bảo vệ bí mật thư tín, điện thoại và các hình thức trao đổi thông tin riêng tư khác.",
      cite: luatTE("Điều 21"),
    },
    [
      ok("Quyền bí mật đời sống riêng tư"),
      no("Quyền vui chơi, giải trí"),
      no("Quyền được khai sinh và có quốc tịch"),
      no("Quyền về tài sản"),
    ],
  ),
  single(
    {
      id: "TE-008",
      topic: TE,
      level: "EASY",
      stem: "Theo Luật Trẻ em năm 2016, ngay từ khi sinh ra, trẻ em có quyền nào sau đây?",
      explanation:
        "Điều 13 quy định trẻ em có quyền được khai sinh, khai tử, có họ, tên, có quốc tịch; được xác định cha, mẹ, dân tộc, giới tính theo quy định của pháp luật.",
      cite: luatTE("Điều 13"),
    },
    [
      no("Chỉ được khai sinh khi cha mẹ đã đăng ký kết hôn"),
      no("Chỉ được đặt tên sau khi đủ 01 tuổi"),
      ok("Được khai sinh, có họ, tên và có quốc tịch"),
      no("Được tự quyết định thay đổi quốc tịch"),
    ],
  ),
  single(
    {
      id: "TE-009",
      topic: TE,
      level: "EASY",
      stem: "Khi nhà trường xây dựng quy định liên quan trực tiếp đến học sinh, học sinh là trẻ em có quyền gì theo Luật Trẻ em?",
      explanation:
        "Điều 34 quy định trẻ em có quyền được bày tỏ ý kiến, nguyện vọng về các vấn đề liên quan đến trẻ em và được cơ quan, tổ chức, cơ sở giáo dục, gia đình, cá nhân lắng nghe, tiếp thu, phản hồi ý kiến, nguyện vọng chính đáng.",
      cite: luatTE("Điều 34"),
    },
    [
      no("Không có quyền gì vì chưa thành niên"),
      ok("Được bày tỏ ý kiến, nguyện vọng và được lắng nghe, phản hồi"),
      no("Chỉ được bày tỏ ý kiến khi đủ 16 tuổi"),
      no("Chỉ cha mẹ được bày tỏ ý kiến thay"),
    ],
  ),
  multiple(
    {
      id: "TE-010",
      topic: TE,
      level: "MEDIUM",
      stem: "Theo Điều 41 Luật Trẻ em, bổn phận của trẻ em đối với bản thân gồm những nội dung nào sau đây?",
      explanation:
        "Điều 41 quy định trẻ em có bổn phận chăm chỉ học tập, không tự ý bỏ học, không rời bỏ gia đình sống lang thang; không đánh bạc; không mua, bán, sử dụng rượu, bia, thuốc lá và chất gây nghiện; không sử dụng sản phẩm kích động bạo lực, đồi trụy.",
      cite: luatTE("Điều 41"),
    },
    [
      ok("Không đánh bạc"),
      ok("Chăm chỉ học tập, không tự ý bỏ học"),
      no("Được tự quyết định nghỉ học để đi làm kiếm tiền"),
      ok("Không mua, bán, sử dụng rượu, bia, thuốc lá"),
      no("Được chơi trò chơi kích động bạo lực nếu cha mẹ không biết"),
    ],
  ),
  multiple(
    {
      id: "TE-016",
      topic: TE,
      level: "EASY",
      stem: "Theo Điều 37 Luật Trẻ em, bổn phận của trẻ em đối với gia đình gồm những nội dung nào sau đây?",
      explanation:
        "Điều 37 quy định trẻ em có bổn phận kính trọng, lễ phép, hiếu thảo với ông bà, cha mẹ; học tập, rèn luyện, giữ gìn nề nếp gia đình, phụ giúp cha mẹ những công việc phù hợp với độ tuổi, giới tính và sự phát triển của mình.",
      cite: luatTE("Điều 37"),
    },
    [
      ok("Kính trọng, lễ phép, hiếu thảo với ông bà, cha mẹ"),
      no("Tự ý bỏ nhà đi khi bị cha mẹ nhắc nhở"),
      ok("Phụ giúp cha mẹ những công việc phù hợp với độ tuổi"),
      no("Làm thay cha mẹ toàn bộ công việc nặng nhọc trong gia đình"),
    ],
  ),
  trueFalse(
    {
      id: "TE-011",
      topic: TE,
      level: "EASY",
      stem: "Trẻ em có bổn phận phát hiện, thông tin, thông báo, tố giác hành vi vi phạm pháp luật.",
      explanation:
        "Khoản 3 Điều 39 quy định bổn phận của trẻ em đối với cộng đồng, xã hội bao gồm phát hiện, thông tin, thông báo, tố giác hành vi vi phạm pháp luật.",
      cite: luatTE("Điều 39", "khoản 3"),
    },
    true,
  ),
  single(
    {
      id: "TE-012",
      topic: TE,
      level: "EASY",
      stem: "Một người ép bé M, 10 tuổi, bán hàng rong từ sáng đến tối và không cho đi học. Hành vi này xâm phạm trực tiếp quyền nào của trẻ em?",
      explanation:
        "Điều 26 quy định trẻ em có quyền được bảo vệ dưới mọi hình thức để không bị bóc lột sức lao động; không phải lao động trước tuổi, quá thời gian hoặc làm công việc nặng nhọc, độc hại, nguy hiểm.",
      cite: luatTE("Điều 26"),
    },
    [
      no("Quyền tự do tín ngưỡng, tôn giáo"),
      no("Quyền được khai sinh và có quốc tịch"),
      ok("Quyền được bảo vệ để không bị bóc lột sức lao động"),
      no("Quyền về tài sản"),
    ],
  ),
  trueFalse(
    {
      id: "TE-013",
      topic: TE,
      level: "HARD",
      stem: "Bảo đảm lợi ích tốt nhất của trẻ em trong các quyết định liên quan đến trẻ em là một nguyên tắc bảo đảm thực hiện quyền và bổn phận của trẻ em.",
      explanation:
        "Khoản 3 Điều 5 Luật Trẻ em quy định nguyên tắc bảo đảm lợi ích tốt nhất của trẻ em trong các quyết định liên quan đến trẻ em.",
      cite: luatTE("Điều 5", "khoản 3"),
    },
    true,
  ),
  single(
    {
      id: "TE-014",
      topic: TE,
      level: "EASY",
      stem: "Theo Luật Trẻ em, hành vi nào sau đây thuộc “bạo lực trẻ em”?",
      explanation:
        "Khoản 6 Điều 4: bạo lực trẻ em là hành vi hành hạ, ngược đãi, đánh đập; xâm hại thân thể, sức khỏe; lăng mạ, xúc phạm danh dự, nhân phẩm; cô lập, xua đuổi và các hành vi cố ý khác gây tổn hại về thể chất, tinh thần của trẻ em.",
      cite: luatTE("Điều 4", "khoản 6"),
    },
    [
      no("Nhắc nhở trẻ đi ngủ đúng giờ"),
      no("Hướng dẫn trẻ làm việc nhà phù hợp với độ tuổi"),
      no("Đưa trẻ đi tiêm chủng theo lịch"),
      ok("Lăng mạ, xúc phạm danh dự, nhân phẩm hoặc cô lập, xua đuổi trẻ"),
    ],
  ),
  single(
    {
      id: "TE-015",
      topic: TE,
      level: "HARD",
      stem: "Nhóm nào sau đây KHÔNG thuộc “trẻ em có hoàn cảnh đặc biệt” theo Luật Trẻ em?",
      explanation:
        "Khoản 1 Điều 10 liệt kê các nhóm trẻ em có hoàn cảnh đặc biệt như trẻ em bị bỏ rơi, trẻ em khuyết tật, trẻ em bị mua bán… Trẻ em đạt giải học sinh giỏi không thuộc danh sách này.",
      cite: luatTE("Điều 10", "khoản 1"),
    },
    [
      no("Trẻ em bị bỏ rơi"),
      ok("Trẻ em đạt giải học sinh giỏi cấp tỉnh"),
      no("Trẻ em khuyết tật"),
      no("Trẻ em bị mua bán"),
    ],
  ),
];

const hienPhapQuestions: QuestionDraft[] = [
  single(
    {
      id: "HP-001",
      topic: HP,
      level: "EASY",
      stem: "Theo Hiến pháp năm 2013, công dân đủ bao nhiêu tuổi có quyền bầu cử và đủ bao nhiêu tuổi có quyền ứng cử vào Quốc hội, Hội đồng nhân dân?",
      explanation:
        "Điều 27 Hiến pháp quy định công dân đủ mười tám tuổi trở lên có quyền bầu cử và đủ hai mươi mốt tuổi trở lên có quyền ứng cử vào Quốc hội, Hội đồng nhân dân.",
      cite: hienPhap("Điều 27"),
    },
    [
      no("Đủ 18 tuổi bầu cử, đủ 18 tuổi ứng cử"),
      ok("Đủ 18 tuổi bầu cử, đủ 21 tuổi ứng cử"),
      no("Đủ 16 tuổi bầu cử, đủ 21 tuổi ứng cử"),
      no("Đủ 21 tuổi bầu cử, đủ 25 tuổi ứng cử"),
    ],
  ),
  trueFalse(
    {
      id: "HP-002",
      topic: HP,
      level: "EASY",
      stem: "Theo Hiến pháp năm 2013, mọi người đều bình đẳng trước pháp luật.",
      explanation:
        "Khoản 1 Điều 16 Hiến pháp quy định mọi người đều bình đẳng trước pháp luật; khoản 2 quy định không ai bị phân biệt đối xử trong đời sống chính trị, dân sự, kinh tế, văn hóa, xã hội.",
      cite: hienPhap("Điều 16", "khoản 1"),
    },
    true,
  ),
  single(
    {
      id: "HP-003",
      topic: HP,
      level: "EASY",
      stem: "Theo Hiến pháp năm 2013, hôn nhân được xây dựng theo nguyên tắc nào?",
      explanation:
        "Khoản 1 Điều 36 Hiến pháp quy định nam, nữ có quyền kết hôn, ly hôn; hôn nhân theo nguyên tắc tự nguyện, tiến bộ, một vợ một chồng, vợ chồng bình đẳng, tôn trọng lẫn nhau.",
      cite: hienPhap("Điều 36", "khoản 1"),
    },
    [
      no("Theo sự sắp đặt của gia đình hai bên"),
      no("Theo phong tục, tập quán của từng địa phương"),
      ok("Tự nguyện, tiến bộ, một vợ một chồng, vợ chồng bình đẳng, tôn trọng lẫn nhau"),
      no("Theo quyết định của trưởng họ"),
    ],
  ),
  single(
    {
      id: "HP-004",
      topic: HP,
      level: "EASY",
      stem: "Theo Hiến pháp năm 2013, trẻ em được ai bảo vệ, chăm sóc và giáo dục?",
      explanation:
        "Khoản 1 Điều 37 Hiến pháp quy định trẻ em được Nhà nước, gia đình và xã hội bảo vệ, chăm sóc và giáo dục; được tham gia vào các vấn đề về trẻ em; nghiêm cấm xâm hại, hành hạ, ngược đãi, bỏ mặc, lạm dụng, bóc lột sức lao động trẻ em.",
      cite: hienPhap("Điều 37", "khoản 1"),
    },
    [no("Chỉ gia đình"), no("Chỉ nhà trường"), no("Chỉ Nhà nước"), ok("Nhà nước, gia đình và xã hội")],
  ),
  single(
    {
      id: "HP-005",
      topic: HP,
      level: "MEDIUM",
      stem: "Theo Hiến pháp năm 2013, trừ trường hợp phạm tội quả tang, một người chỉ bị bắt khi có:",
      explanation:
        "Khoản 2 Điều 20 Hiến pháp quy định không ai bị bắt nếu không có quyết định của Tòa án nhân dân, quyết định hoặc phê chuẩn của Viện kiểm sát nhân dân, trừ trường hợp phạm tội quả tang.",
      cite: hienPhap("Điều 20", "khoản 2"),
    },
    [
      ok("Quyết định của Tòa án nhân dân, quyết định hoặc phê chuẩn của Viện kiểm sát nhân dân"),
      no("Yêu cầu của Ủy ban nhân dân cấp xã"),
      no("Đơn tố cáo của người dân"),
      no("Ý kiến của trưởng thôn, tổ trưởng tổ dân phố"),
    ],
  ),
  trueFalse(
    {
      id: "HP-006",
      topic: HP,
      level: "MEDIUM",
      stem: "Theo Hiến pháp năm 2013, không ai được bóc mở, kiểm soát, thu giữ trái luật thư tín, điện thoại, điện tín và các hình thức trao đổi thông tin riêng tư của người khác.",
      explanation:
        "Khoản 2 Điều 21 Hiến pháp quy định mọi người có quyền bí mật thư tín, điện thoại, điện tín và các hình thức trao đổi thông tin riêng tư khác; không ai được bóc mở, kiểm soát, thu giữ trái luật.",
      cite: hienPhap("Điều 21", "khoản 2"),
    },
    true,
  ),
  single(
    {
      id: "HP-007",
      topic: HP,
      level: "EASY",
      stem: "Theo Hiến pháp năm 2013, bảo vệ Tổ quốc là:",
      explanation:
        "Khoản 1 Điều 45 Hiến pháp quy định bảo vệ Tổ quốc là nghĩa vụ thiêng liêng và quyền cao quý của công dân.",
      cite: hienPhap("Điều 45", "khoản 1"),
    },
    [
      no("Nghĩa vụ riêng của lực lượng vũ trang"),
      ok("Nghĩa vụ thiêng liêng và quyền cao quý của công dân"),
      no("Chỉ là quyền tự nguyện của công dân"),
      no("Nghĩa vụ riêng của công dân nam"),
    ],
  ),
  single(
    {
      id: "HP-008",
      topic: HP,
      level: "EASY",
      stem: "Theo Hiến pháp năm 2013, việc nộp thuế được quy định như thế nào?",
      explanation: "Điều 47 Hiến pháp quy định mọi người có nghĩa vụ nộp thuế theo luật định, theo thủ tục luật định.",
      cite: hienPhap("Điều 47"),
    },
    [
      no("Chỉ doanh nghiệp có nghĩa vụ nộp thuế"),
      no("Công dân tự nguyện nộp thuế nếu có điều kiện"),
      no("Chỉ người có thu nhập từ tiền lương mới phải nộp thuế"),
      ok("Mọi người có nghĩa vụ nộp thuế theo luật định, theo thủ tục luật định"),
    ],
  ),
  multiple(
    {
      id: "HP-009",
      topic: HP,
      level: "HARD",
      stem: "Theo Điều 22 Hiến pháp năm 2013, những nội dung nào sau đây đúng về quyền liên quan đến chỗ ở?",
      explanation:
        "Điều 22 Hiến pháp quy định công dân có quyền có nơi ở hợp pháp; mọi người có quyền bất khả xâm phạm về chỗ ở; không ai được tự ý vào chỗ ở của người khác nếu không được người đó đồng ý; việc khám xét chỗ ở do luật định.",
      cite: hienPhap("Điều 22"),
    },
    [
      ok("Công dân có quyền có nơi ở hợp pháp"),
      no("Cán bộ thôn được tự ý vào nhà dân để kiểm tra bất cứ lúc nào"),
      ok("Không ai được tự ý vào chỗ ở của người khác nếu không được người đó đồng ý"),
      ok("Việc khám xét chỗ ở do luật định"),
      no("Chủ nhà trọ được tự ý vào phòng người thuê khi vắng mặt"),
    ],
  ),
];

export const DEMO_QUESTIONS: QuestionDraft[] = [
  ...giaoThong,
  ...honNhan,
  ...datDai,
  ...laoDong,
  ...anNinhMang,
  ...canCuoc,
  ...baoLucGiaDinh,
  ...treEm,
  ...hienPhapQuestions,
];
