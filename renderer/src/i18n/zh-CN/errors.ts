// 简体中文: error codes, as the cashier reads them.
import type { errors as en } from '../en/errors';

export const errors: Record<keyof typeof en, string> = {
  'error.INVALID_PAYLOAD': '收银服务拒绝了格式错误的请求，请重试。',
  'error.FORBIDDEN_SENDER': '此界面无权访问收银服务。',
  'error.UNKNOWN_CHANNEL': '收银服务不支持此操作（版本不一致），请联系技术支持。',
  'error.BARCODE_MALFORMED':
    '{reason, select, paymentCode {这是顾客的付款码，不是商品条码：购物车有商品时扫描即可收款。} zeroValue {电子秤标签“{code}”的重量或价格为 0，请重新称重。} empty {条码为空。} checkDigit {“{code}”的校验位错误，请重新扫描或手动输入。} length {“{code}”的位数不对（应为 8、12、13 或 14 位）。} characters {“{code}”含有非数字字符。} other {“{code}”不是有效的条码。}}',
  'error.BARCODE_UNKNOWN':
    '{reason, select, unitMismatch {电子秤标签“{code}”带有重量，但该商品按件销售。请检查电子秤设置。} other {没有条码为“{code}”的商品。}}',
  'error.CARD_DATA_IN_BARCODE':
    '这是银行卡数据，不是商品条码。系统未保存也未显示：请用读卡器收取银行卡付款。',
  'error.PRODUCT_NOT_FOUND': '该商品已不在商品库中。',
  'error.LINE_NOT_FOUND': '该商品行已不存在，购物车已刷新。',
  'error.CART_EMPTY': '购物车是空的。',
  'error.CART_STALE': '收款期间购物车发生了变化，请核对金额后重新收款。',
  'error.DISCOUNT_INVALID': '不允许此折扣（超过金额或超过 100%）。',
  'error.QUANTITY_INVALID': '不允许此数量。',
  'error.TENDER_INSUFFICIENT': '实收现金少于应收金额。',
  'error.CSV_INVALID': '{count, plural, =0 {商品文件无效。} other {商品文件有 # 行错误：第 {lines} 行。}}',
  'error.STORAGE_FULL': '磁盘已满，未保存任何数据。请清理空间后重试。',
  'error.STORAGE_BUSY': '数据库正忙（被其他程序占用），请稍后重试。',
  'error.STORAGE_CORRUPT': '数据库已损坏。请停止在本机收银并联系技术支持。',
  'error.CONFIG_CORRUPT': '收银机设置文件无法读取，已保持原样。请联系技术支持。',
  'error.CONFIG_MISSING': '收银机设置文件缺失，但已有销售数据。未做任何更改，请联系技术支持。',
  'error.STORAGE_TOO_NEW': '数据库由更新版本的 CounterPOS 写入。请升级本机软件；数据已保持原样。',
  'error.NOT_FOUND': '未找到。',
  'error.SETTINGS_INVALID': '设置无法保存：请查看标出的字段。',
  'error.NOTHING_CHANGED': '没有任何更改。',
  'error.MODE_CONFLICT': '培训与正式营业数据会混在一起；未做任何更改。',
  'error.REAL_MANAGER_REQUIRED': '退出培训模式需要一位已登记的店长批准（在“员工”中添加）；培训店长不能批准。',
  'error.APPROVAL_DENIED': '操作员编号或密码错误，或无权批准此操作。',
  'error.APPROVAL_LOCKED':
    '{reason, select, until {密码错误次数过多，该操作员已锁定至 {time}。} other {密码错误次数过多，该操作员已暂时锁定。}}',
  'error.APPROVAL_REQUIRED': '此操作需要店长授权。',
  'error.PIN_REFUSED': '该密码不能使用，请另选一个。',
  'error.STAFF_CONFLICT': '无法进行此员工变更。',
  'error.CART_LOCKED': '本单有一笔银行卡或扫码支付尚未完成或结果未知，请先处理。',
  'error.PAYMENT_STATE_CHANGED': '该笔支付状态已变化，已显示最新状态。',
  'error.PAYMENT_DECLINED': '{message, select, none {支付被拒绝。} other {支付被拒绝：{message}。}}',
  'error.PAYMENT_UNKNOWN':
    '支付网关无应答，顾客可能已被扣款。请勿重复收款：系统正在查询。店长可在“支付提醒”中查看。',
  'error.OFFLINE_LIMIT':
    '{limit, select, perPayment {离线刷卡每笔不得超过 {cap}。} total {待上送的离线刷卡总额将超过 {cap}。} count {待上送的离线刷卡笔数已达上限（{cap}）。} entryMode {离线时不允许此种读卡方式。} brand {离线时不接受此卡组织。} other {超出离线收款限额。}}{overridable, select, yes {店长可授权超限收款。} other {请换卡或收取现金。}}',
  'error.ONLINE_ONLY': '此操作需要连接支付网关，当前无法连接（退款和扫码支付仅限在线）。',
  'error.CONTACT_REQUIRED': '支付网关离线：刷卡前请登记顾客的手机号或电子邮箱。',
  'error.CARD_READER_NOT_WEDGE':
    '本收银机的读卡器未设置为键盘式读卡器，键盘输入的刷卡数据已被拒绝。请使用已配置的读卡器。',
  'error.CARD_UNREADABLE': '无法读取该卡，请重新刷卡。',
  'error.GATEWAY_UNREACHABLE': '无法连接支付网关，未扣款。',
  'error.GATEWAY_KEY_UNTRUSTED':
    '支付网关提供的卡数据加密密钥与本收银机设置的不一致，未发送卡数据。请经理检查网关设置。',
  'error.REFUND_NOT_ALLOWED': '不允许此退款：超过该交易剩余可退的数量，或该笔支付并未向顾客扣款。',
  'error.REFUND_REFUSED':
    '{message, select, none {支付网关拒绝了退款，未退任何款项。} other {支付网关拒绝了退款：{message}。未退任何款项。}}',
  'error.REFUND_UNKNOWN': '支付网关没有应答，退款可能已经成功。请勿重复退款：系统正在查询。',
  'error.SHIFT_ALREADY_OPEN': '此钱箱已有未结束的班次，请先结班再开班。',
  'error.SHIFT_NOT_OPEN':
    '{state, select, closing {此班次已清点，正在等待经理签核。} none {此钱箱没有开着的班次。} other {班次当前的状态不允许此操作。}}',
  'error.SIGN_IN_REQUIRED': '请先登录再销售。',
  'error.SHIFT_REQUIRED': '请先开班（清点备用金）再销售：管理 → 班次。',
  'error.Z_REFUSED': '现在还不能日结：请先处理下列未完成事项。',
  'error.COUNT_INVALID': '现金清点无效：请按所列纸币和硬币填写整数张数或枚数。',
  'error.SETTLEMENT_INVALID':
    '{reason, select, unknownLayout {这不是已知格式的结算文件（第 {line} 行）。} header {结算文件的表头在第 {column} 列有变化（第 {line} 行）：未导入任何内容。} encoding {结算文件的编码不正确（第 {line} 行）：未导入任何内容。} summary {结算文件的合计与明细不符（第 {line} 行）：未导入任何内容。} truncated {结算文件不完整，缺少合计（第 {line} 行）：未导入任何内容。} other {结算文件第 {line} 行有错误：未导入任何内容。}}',
  'error.RESOLUTION_NOT_ALLOWED':
    '{reason, select, matched {这笔支付与结算一致：无需处理。} resolved {此差异已经处理过了。} other {此处理方式不适用于这类差异：请选择其他方式。}}',
  'error.RECON_ITEM_NOT_FOUND': '此差异已不在列表中：当天已重新对账。',
  'error.INTERNAL':
    '{reason, select, connection {与收银服务的连接已断开，正在重新连接…} other {出现错误，请重试。}}',
};
