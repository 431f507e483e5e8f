// 简体中文: card and QR payments.
import type { payments as en } from '../en/payments';

export const payments: Record<keyof typeof en, string> = {
  'card.title': '银行卡收款',
  'card.swipe': '请刷卡',
  'card.offlineNote': '刷卡终端离线：本笔将先存储，稍后上送。请先登记顾客的手机号或电子邮箱。',
  'card.storedLater': '离线：本笔支付存储在本机，网关恢复后上送。',
  'card.contactLabel': '顾客手机号或电子邮箱（离线时必填）',
  'card.contactNext': '继续',
  'card.testCards': '培训：刷测试卡',
  'card.testCard':
    '{card, select, visa {Visa} unionpay {银联} mastercard {万事达} decline {拒付卡} stolen {挂失卡} expired {过期卡} badRead {读卡失败} other {测试卡}}',
  'card.tryAnother': '换一张卡',
  'card.cancel': '取消收款',
  'qr.title': '扫码收款',
  'qr.scan': '请扫描顾客的付款码',
  'qr.codeLabel': '或输入付款码下方的数字',
  'qr.invalid': '付款码为 16 到 24 位数字。',
  'qr.pay': '收款',
  'qr.again': '重新扫码',
  'payment.working': '正在发送支付…',
  'payment.userPaying': '等待顾客在手机上确认支付…',
  'payment.declinedNext': '未扣款。请换一张卡或收取现金。',
  'payment.unknownTitle': '结果未知：请勿重复收款',
  'payment.unknownBody': '支付已发出但没有应答，顾客可能已被扣款。系统正在查询；“立即查询”会再次询问网关。',
  'payment.checkNow': '立即查询',
  'payment.checking': '正在查询…',
  'payment.checkFailed': '无法查询网关。该笔支付仍为结果未知，请稍后再试。',
  'payment.notReady': '当前没有等待刷卡的收款。',
  'payment.override': '店长授权',
  'payment.payCash': '改收现金',
  'payment.scheme':
    '{scheme, select, wechat {微信支付} alipay {支付宝} unionpay {银联云闪付} other {扫码支付}}',
  'payment.state':
    '{state, select, created {等待刷卡} authorizing {授权中} approved {已批准} declined {已拒绝} unknown {结果未知} user_paying {顾客确认中} reversing {冲正中} cancelled {已取消} stored {离线已存储} forwarding {上送中} forward_unknown {已上送，结果未知} forward_approved {已上送，已批准} forward_declined {上送后被拒} expired {已过期，未上送} other {未知}}',
};
