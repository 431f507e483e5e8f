// 简体中文: the manager's menu (each back-office screen's entry).
import type { manage as en } from '../en/manage';

export const manage: Record<keyof typeof en, string> = {
  'manage.title': '管理',
  'manage.open': '管理',
  'manage.receipts': '小票与退款',
  'manage.receiptsHint': '查找销售、重印小票、办理退货退款',
  'manage.paymentAlerts': '支付提醒',
  'manage.paymentAlertsHint': '结果未知的支付，以及被网关拒绝的离线支付',
  'manage.printer': '小票打印机',
  'manage.printerHint': '打印机状态、打印队列、测试页',
  'manage.store': '店铺数据',
  'manage.storeHint': '检查数据库与日志链、立即备份',
};
