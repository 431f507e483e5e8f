// The training-mode catalog: a small Chinese convenience store. Barcodes are fictional 69x (GS1 China) codes
// whose check digits are computed here, never typed; weighed items carry scale item codes for the default
// "21 IIIII WWWWW C" rule.
import type { Unit } from '../api/contract';
import { withCheckDigit } from './gtin';
import { buildVariableMeasureBarcode, DEFAULT_WEIGHT_RULE } from './variable-measure';

export interface DemoTaxCategory {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly rateBp: number;
}

export const DEMO_TAX_CATEGORIES: readonly DemoTaxCategory[] = [
  { id: 'std', name: '标准税率', nameEn: 'Standard', rateBp: 1300 },
  { id: 'food', name: '食品', nameEn: 'Food', rateBp: 900 },
  { id: 'svc', name: '服务', nameEn: 'Services', rateBp: 600 },
  { id: 'zero', name: '免税', nameEn: 'Zero-rated', rateBp: 0 },
];

interface DemoProductSpec {
  readonly sku: string;
  readonly name: string;
  readonly nameEn: string;
  readonly priceMinor: number;
  readonly unit: Unit;
  readonly tax: 'std' | 'food' | 'svc' | 'zero';
  /** GTIN without its check digit (7 digits for EAN-8, 12 for EAN-13) */
  readonly body?: string;
  /** scale item (PLU) code as the default rule prints it */
  readonly scale?: string;
}

const each = (
  sku: string,
  name: string,
  nameEn: string,
  priceMinor: number,
  tax: DemoProductSpec['tax'],
  body: string,
) => ({ sku, name, nameEn, priceMinor, unit: 'each', tax, body }) as const satisfies DemoProductSpec;
const weighed = (
  sku: string,
  name: string,
  nameEn: string,
  perKgMinor: number,
  tax: DemoProductSpec['tax'],
  scale: string,
) =>
  ({ sku, name, nameEn, priceMinor: perKgMinor, unit: 'kg', tax, scale }) as const satisfies DemoProductSpec;

const SPECS = {
  cola: each('BEV-COLA-330', '可口可乐 330ml', 'Coca-Cola 330ml', 300, 'std', '690100000011'),
  cola500: each('BEV-COLA-500', '可口可乐 500ml', 'Coca-Cola 500ml', 350, 'std', '690100000012'),
  sprite: each('BEV-SPRITE-330', '雪碧 330ml', 'Sprite 330ml', 300, 'std', '690100000021'),
  water: each('BEV-WATER-550', '农夫山泉 550ml', 'Nongfu Spring Water 550ml', 200, 'std', '692150000101'),
  icedTea: each(
    'BEV-ICETEA-500',
    '康师傅冰红茶 500ml',
    'Master Kong Iced Black Tea 500ml',
    300,
    'std',
    '690255000201',
  ),
  greenTea: each(
    'BEV-GREENTEA-500',
    '统一绿茶 500ml',
    'Uni-President Green Tea 500ml',
    300,
    'std',
    '690300100301',
  ),
  herbalTea: each(
    'BEV-WLJ-310',
    '王老吉凉茶 310ml',
    'Wanglaoji Herbal Tea 310ml',
    400,
    'std',
    '690411000401',
  ),
  redBull: each(
    'BEV-REDBULL-250',
    '红牛维生素功能饮料 250ml',
    'Red Bull Energy Drink 250ml',
    600,
    'std',
    '690512000501',
  ),
  beer: each('ALC-TSINGTAO-500', '青岛啤酒 500ml', 'Tsingtao Beer 500ml', 550, 'std', '690613000601'),
  snowBeer: each(
    'ALC-SNOW-500',
    '雪花啤酒 勇闯天涯 500ml',
    'Snow Beer Brave the World 500ml',
    500,
    'std',
    '690613000602',
  ),
  erguotou: each(
    'ALC-HONGXING-500',
    '红星二锅头 500ml',
    'Red Star Erguotou 500ml',
    2500,
    'std',
    '690714000701',
  ),
  milk: each('DAI-MENGNIU-250', '蒙牛纯牛奶 250ml', 'Mengniu Pure Milk 250ml', 350, 'food', '692315000801'),
  yogurt: each(
    'DAI-AMBROSIAL-205',
    '伊利安慕希酸奶 205g',
    'Yili Ambrosial Yogurt 205g',
    550,
    'food',
    '692416000901',
  ),
  noodles: each(
    'NDL-BEEF',
    '康师傅红烧牛肉面',
    'Master Kong Braised Beef Noodles',
    450,
    'std',
    '690255001001',
  ),
  sauerkrautNoodles: each(
    'NDL-SAUERKRAUT',
    '统一老坛酸菜牛肉面',
    'Uni-President Pickled Cabbage Beef Noodles',
    450,
    'std',
    '690300101101',
  ),
  chips: each(
    'SNK-LAYS-75',
    '乐事薯片 原味 75g',
    "Lay's Potato Chips Original 75g",
    750,
    'std',
    '692517001201',
  ),
  oreo: each(
    'SNK-OREO-97',
    '奥利奥原味夹心饼干 97g',
    'Oreo Original Cookies 97g',
    890,
    'std',
    '692618001301',
  ),
  riceCrackers: each(
    'SNK-WANTWANT-84',
    '旺旺雪饼 84g',
    'Want Want Rice Crackers 84g',
    650,
    'std',
    '692719001401',
  ),
  chocolate: each(
    'SNK-DOVE-43',
    '德芙丝滑牛奶巧克力 43g',
    'Dove Silky Milk Chocolate 43g',
    850,
    'std',
    '692820001501',
  ),
  gum: each('SNK-EXTRA', '益达无糖口香糖', 'Extra Sugar-free Gum', 990, 'std', '6929211'),
  sausage: each(
    'SNK-SHUANGHUI',
    '双汇王中王火腿肠',
    'Shuanghui Premium Ham Sausage',
    250,
    'std',
    '693022001701',
  ),
  bread: each('BAK-TAOLI', '桃李面包', 'Taoli Bread', 500, 'std', '693123001801'),
  rice: each('GRO-RICE-5KG', '金龙鱼大米 5kg', 'Arawana Rice 5kg', 3990, 'food', '693224001901'),
  oil: each('GRO-PEANUTOIL-900', '鲁花花生油 900ml', 'Luhua Peanut Oil 900ml', 3290, 'food', '693325002001'),
  soySauce: each(
    'GRO-SOY-500',
    '海天生抽 500ml',
    'Haitian Light Soy Sauce 500ml',
    950,
    'std',
    '693426002101',
  ),
  chiliCrisp: each(
    'GRO-LAOGANMA-280',
    '老干妈风味豆豉 280g',
    'Lao Gan Ma Chili Crisp 280g',
    1150,
    'std',
    '693527002201',
  ),
  eggs: each('FRS-EGGS-10', '鲜鸡蛋 10枚', 'Fresh Eggs (10)', 1200, 'zero', '693628002301'),
  tissue: each('HOM-VINDA-3', '维达抽纸 3包', 'Vinda Facial Tissue (3 packs)', 1290, 'std', '693729002401'),
  toothpaste: each(
    'HOM-COLGATE-140',
    '高露洁牙膏 140g',
    'Colgate Toothpaste 140g',
    1250,
    'std',
    '693830002501',
  ),
  shampoo: each(
    'HOM-HS-200',
    '海飞丝洗发水 200ml',
    'Head & Shoulders Shampoo 200ml',
    2990,
    'std',
    '693931002601',
  ),
  batteries: each('HOM-NANFU-AA4', '南孚电池 5号 4粒', 'Nanfu AA Batteries (4)', 1000, 'std', '694032002701'),
  masks: each('HOM-MASK-10', '一次性口罩 10只', 'Disposable Face Masks (10)', 990, 'std', '694133002801'),
  // In-store codes (prefix 20, no scale rule): printed by the shop for items without a maker's barcode.
  bag: each('STO-BAG', '购物袋', 'Shopping Bag', 30, 'std', '200000000001'),
  parcel: each('SVC-PARCEL', '快递代寄服务', 'Parcel Drop-off Service', 1000, 'svc', '200000000002'),
  apples: weighed('FRU-APPLE', '苹果', 'Apples', 1280, 'food', '00001'),
  bananas: weighed('FRU-BANANA', '香蕉', 'Bananas', 698, 'food', '00002'),
  tomatoes: weighed('VEG-TOMATO', '西红柿', 'Tomatoes', 760, 'zero', '00003'),
  potatoes: weighed('VEG-POTATO', '土豆', 'Potatoes', 398, 'zero', '00004'),
} as const;

export interface DemoProduct {
  readonly sku: string;
  readonly name: string;
  readonly nameEn: string;
  readonly priceMinor: number;
  readonly unit: Unit;
  readonly taxCategoryId: string;
  /** full code, check digit included, or null for weighed items */
  readonly barcode: string | null;
  /** scale item code for the default weight rule (prefix 21), or null */
  readonly scaleItemCode: string | null;
}

const toDemo = (s: DemoProductSpec): DemoProduct => ({
  sku: s.sku,
  name: s.name,
  nameEn: s.nameEn,
  priceMinor: s.priceMinor,
  unit: s.unit,
  taxCategoryId: s.tax,
  barcode: s.body === undefined ? null : withCheckDigit(s.body),
  scaleItemCode: s.scale ?? null,
});

export const DEMO_PRODUCTS: readonly DemoProduct[] = Object.values(SPECS).map(toDemo);

type Key = keyof typeof SPECS;
type PieceKey = { [K in Key]: (typeof SPECS)[K]['unit'] extends 'each' ? K : never }[Key];
type WeighedKey = Exclude<Key, PieceKey>;

type DemoHandles = { readonly [K in PieceKey]: DemoProduct & { readonly barcode: string } } & {
  readonly [K in WeighedKey]: DemoProduct & { readonly scaleItemCode: string };
};

/** Handles for tests and demos, so nobody hard-codes a demo barcode: DEMO.cola.barcode, DEMO.apples.scaleItemCode. */
export const DEMO = Object.freeze(
  Object.fromEntries(Object.entries(SPECS).map(([k, s]) => [k, Object.freeze(toDemo(s))])),
) as DemoHandles;

/** What the shop scale prints for `grams` of a demo weighed item under the default rule. */
export function demoScaleLabel(key: WeighedKey, grams: number): string {
  return buildVariableMeasureBarcode(DEFAULT_WEIGHT_RULE, DEMO[key].scaleItemCode, grams);
}
