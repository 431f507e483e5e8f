// 简体中文: the refund dialog.
import type { refunds as en } from '../en/refunds';

export const refunds: Record<keyof typeof en, string> = {
  'refund.title': '退货退款：小票 {no}',
  'refund.loading': '正在读取可退款内容…',
  'refund.receiptNo': '原小票',
  'refund.to': '退回到',
  'refund.toCash': '钱箱现金',
  'refund.toCard': '原卡 {card}',
  'refund.blockedOnline':
    '退回到{to}需要通过支付网关，网关当前离线。银行卡和扫码退款仅限在线办理：未退任何款项。',
  'refund.blockedOnlineNext': '请等状态栏显示刷卡终端在线后再试。',
  'refund.nothingLeft': '这张小票上的商品已全部退款。',
  'refund.linesLabel': '退货数量',
  'refund.col.item': '商品',
  'refund.col.sold': '售出',
  'refund.col.refunded': '已退',
  'refund.col.remaining': '可退',
  'refund.col.return': '本次退货',
  'refund.col.amount': '退款',
  'refund.less': '减少一件：{name}',
  'refund.more': '增加一件：{name}',
  'refund.qtyInvalid': '{name}：请输入 0 到 {max} 之间的数量。',
  'refund.all': '全部',
  'refund.total': '退款合计',
  'refund.reason': '退货原因',
  'refund.reasonName':
    '{reason, select, defective {商品质量问题} wrong_item {商品拿错} not_wanted {顾客不想要了} price_error {价格错误} other {其他}}',
  'refund.needLines': '请选择退回的商品：在某行输入数量，或点“全部”。',
  'refund.needReason': '请选择退货原因。',
  'refund.confirm': '退款 {amount}',
  'refund.earlier': '本单以前的退款',
  'refund.state':
    '{state, select, sending {发送中} completed {已退款} failed {被拒绝} unknown {结果未知} other {未知}}',
  'refund.keys': '{allKey} 全部 · 数量框内 ↑ ↓ 加一 / 减一 · Enter 退款 · Esc 关闭',
  'refund.doneTitle': '退款 {no} 已完成',
  'refund.doneCash': '请退还现金 {amount}：钱箱将打开。',
  'refund.doneCard': '{amount} 已退回原卡 {card}。',
  'refund.doneQr': '{amount} 已退回顾客的{scheme}账户。',
  'refund.slip': '退款单正在打印。',
  'refund.unknownTitle': '退款结果未知：请勿重复退款',
  'refund.unknownBody':
    '退款已发送到支付网关但没有应答，款项可能已在退回顾客的途中。系统正在查询；“立即查询”会再次询问网关。',
  'refund.stillUnknown': '已查询：仍无应答，系统会继续查询。',
};
