// 简体中文: the device settings (receipt printer, cash drawer, card reader) and their tests.
import type { devices as en } from '../en/devices';

export const devices: Record<keyof typeof en, string> = {
  'devices.printer': '小票打印机',
  'devices.printerKind': '连接方式',
  'devices.kindNone': '无（小票在队列中等待）',
  'devices.kindUsb': 'USB 打印机',
  'devices.kindTcp': '网络打印机',
  'devices.kindUsblp': 'Linux usblp 设备',
  'devices.usbPrinter': 'USB 打印机',
  'devices.usbChoose': '选择打印机',
  'devices.usbMissing': '{label}（未连接）',
  'devices.usbNone': '未找到 USB 打印机：请插好并开机，然后刷新。',
  'devices.usbUnavailable': '此应用在这里无法访问 USB；请使用网络打印机或 usblp。',
  'devices.refresh': '刷新',
  'devices.host': '主机名或 IP 地址',
  'devices.port': '端口（默认 9100）',
  'devices.usblpDevice': '设备',
  'devices.usblpNone': '未找到 /dev/usb/lp 设备。',
  'devices.profile': '打印机型号',
  'devices.paper': '纸宽',
  'devices.paperMm': '{mm} 毫米',
  'devices.mode': '打印方式',
  'devices.modeText': '文本（打印机自带中文字库）',
  'devices.modeRaster': '图像（用于没有中文字库的打印机）',
  'devices.testPrint': '打印测试页',
  'devices.testing': '测试中…',
  'devices.printOk': '测试页已发送到 {printer}。',
  'devices.problem': `{problem, select,
    unreachable {无法连接打印机}
    disconnected {测试过程中打印机断开了}
    noPaper {打印机缺纸}
    coverOpen {打印机盖未关}
    timeout {打印机无响应}
    rasterRequired {此打印机没有中文字库：请选择图像方式}
    noDrawerPort {此打印机没有钱箱接口}
    other {打印机报告错误}}`,
  'devices.drawer': '钱箱',
  'devices.drawerPin': '钱箱接口引脚',
  'devices.pulseOn': '脉冲开（毫秒）',
  'devices.pulseOff': '脉冲关（毫秒）',
  'devices.pulseHint': '最长 510 毫秒，以 2 毫秒为单位。大多数钱箱：开 50，关 500。',
  'devices.testDrawer': '测试钱箱',
  'devices.drawerApproval': '店长授权：打开钱箱（测试）',
  'devices.drawerOk': `脉冲已发送。钱箱传感器：之前{before, select, open {开} closed {关} other {未报告}}，之后{after, select, open {开} closed {关} other {未报告}}。`,
  'devices.reader': '刷卡器',
  'devices.readerKind': '刷卡器',
  'devices.readerNone': '无',
  'devices.readerIdtech': 'ID TECH 加密刷卡器（USB HID）',
  'devices.readerWedge': '键盘模拟刷卡器',
  'devices.readerVariant': '刷卡器密钥',
  'devices.variantData': '数据密钥',
  'devices.variantPin': 'PIN 密钥',
  'devices.wedgeWarning': '键盘模拟刷卡器以明文输入卡号，会扩大 PCI DSS 合规范围。建议使用加密刷卡器。',
  'devices.testSwipe': '测试刷卡',
  'devices.swipeWaiting': '请在刷卡器上刷卡（最多等待 20 秒）…',
  'devices.swipeIntoField': '请现在在键盘模拟刷卡器上刷卡：卡号不会显示也不会保存。',
  'devices.swipeOk': '已读取：{brand} 尾号 {last4}{encrypted, select, yes {，已加密} other {，未加密}}。',
  'devices.swipeNone': '{seconds} 秒内没有刷卡。',
  'devices.swipeBad': '无法读取刷卡，请重试。',
  'devices.readerUnavailable': '刷卡器不可用：{detail}',
};
