import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { SignatureBox } from '../../src/signing/appearance';

/**
 * A two-page A4 văn bản made with plain pdf-lib (object streams and a cross-reference stream, as
 * pdf-lib saves by default), laid out like an ND30 signature block on page 1: "Nơi nhận:" left,
 * the quyền hạn / chức vụ lines right, ~30 mm of space, then the signer's name. Page 2 is a
 * phụ lục. Returns where the signature space is, as the PDF renderer's `layout.signature` does.
 */
export interface SamplePdf {
  bytes: Uint8Array;
  signatureBox: SignatureBox;
  /** baselines in points, to check the image lies between them */
  positionBaseline: number;
  nameBaseline: number;
}

const FONT_DIR = '/usr/share/fonts/truetype/croscore';
const MM = 72 / 25.4;

export async function makeSamplePdf(opts: { useObjectStreams?: boolean } = {}): Promise<SamplePdf> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(readFileSync(`${FONT_DIR}/Tinos-Regular.ttf`), { subset: true });
  const bold = await doc.embedFont(readFileSync(`${FONT_DIR}/Tinos-Bold.ttf`), { subset: true });
  doc.setTitle('Kế hoạch thử nghiệm ký số');

  const page = doc.addPage([595.28, 841.89]);
  const left = 30 * MM;
  const right = 595.28 - 15 * MM;
  const centre = (p: PDFPage, text: string, font: PDFFont, size: number, y: number, cx: number) =>
    p.drawText(text, { x: cx - font.widthOfTextAtSize(text, size) / 2, y, size, font, color: rgb(0, 0, 0) });

  const leftCx = left + 40 * MM;
  const rightCx = right - 45 * MM;
  centre(page, 'ỦY BAN NHÂN DÂN', bold, 13, 790, leftCx);
  centre(page, 'XÃ KIM THÀNH', bold, 13, 774, leftCx);
  centre(page, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold, 13, 790, rightCx);
  centre(page, 'Độc lập - Tự do - Hạnh phúc', bold, 14, 774, rightCx);
  page.drawText('Số: 128/KH-UBND', { x: left + 18 * MM, y: 745, size: 14, font: regular });
  centre(page, 'Kim Thành, ngày 26 tháng 5 năm 2026', regular, 14, 745, rightCx);
  centre(page, 'KẾ HOẠCH', bold, 14, 705, 595.28 / 2);
  centre(page, 'Thử nghiệm ký số văn bản điện tử', bold, 14, 688, 595.28 / 2);
  const body = [
    'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ',
    'về công tác văn thư; Ủy ban nhân dân xã Kim Thành ban hành Kế hoạch như sau:',
    '1. Lãnh đạo ký số trước, văn thư ký số của cơ quan sau, bằng cập nhật tăng dần.',
    '2. Hình ảnh chữ ký màu xanh; hình ảnh con dấu màu đỏ, đúng kích thước thật,',
    'trùm lên khoảng 1/3 hình ảnh chữ ký về phía bên trái.',
  ];
  body.forEach((line, i) => page.drawText(line, { x: left, y: 650 - i * 22, size: 13, font: regular }));

  // signature block: Nơi nhận on the same line as the first quyền hạn line (PL I §II.9.d)
  const positionTop = 520;
  page.drawText('Nơi nhận:', { x: left, y: positionTop, size: 12, font: bold });
  page.drawText('- Như trên;', { x: left, y: positionTop - 14, size: 11, font: regular });
  page.drawText('- Lưu: VT.', { x: left, y: positionTop - 27, size: 11, font: regular });
  centre(page, 'TM. ỦY BAN NHÂN DÂN', bold, 14, positionTop, rightCx);
  const positionBaseline = positionTop - 17;
  centre(page, 'CHỦ TỊCH', bold, 14, positionBaseline, rightCx);
  const gap = 30 * MM;
  const nameBaseline = positionBaseline - 14 * 0.25 - gap - 14 * 0.75;
  centre(page, 'Nguyễn Đình Huấn', bold, 14, nameBaseline, rightCx);
  const boxWidth = 70 * MM;
  const signatureBox: SignatureBox = {
    page: 0,
    x: rightCx - boxWidth / 2,
    y: nameBaseline + 14 * 0.75,
    width: boxWidth,
    height: gap,
  };

  const annex = doc.addPage([595.28, 841.89]);
  centre(annex, '2', regular, 13, 805, 595.28 / 2);
  centre(annex, 'Phụ lục', bold, 14, 770, 595.28 / 2);
  centre(annex, 'DANH SÁCH ĐƠN VỊ THỰC HIỆN', bold, 14, 752, 595.28 / 2);
  ['1. Văn phòng HĐND và UBND xã', '2. Công chức Văn hóa - Xã hội', '3. Bộ phận Một cửa'].forEach((line, i) =>
    annex.drawText(line, { x: left, y: 720 - i * 20, size: 13, font: regular }),
  );

  const bytes = await doc.save({ useObjectStreams: opts.useObjectStreams ?? true });
  return { bytes, signatureBox, positionBaseline, nameBaseline };
}
