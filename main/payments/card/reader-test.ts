// The device settings' test swipe: one swipe on the reader being set up, answered with masked facts only
// (brand, last four, whether it was encrypted, whether the reader sent its serial and KSN), never the card
// number. An ID TECH reader is opened for the test and closed after it (training mode: the emulated reader,
// which swipes a test card by itself); a keyboard wedge types into the screen's field, so the first answer
// asks for that and the renderer sends the burst back.
import {
  IdTechHidReader,
  openIdTechReader,
  type BadRead,
  type EncryptedSwipe,
} from '../../../native/card/idtech';
import { cardFacts, parseSwipe } from '../../../native/card/track';
import type { CardReaderConfig, CardReaderTestView } from '../../api/contract';
import { trainingReader } from './reader-routing';
import { trainingTracks } from './training-cards';

export const READER_TEST_WAIT_MS = 20_000;

export interface ReaderTestDeps {
  readonly trainingMode: boolean;
  /** Opens that ID TECH reader (default: node-hid); tests inject the emulator behind the real driver. */
  readonly openCardReader?:
    ((c: { vendorId?: number; productId?: number }) => Promise<IdTechHidReader>) | undefined;
  readonly waitMs?: number;
}

/** Facts a keyboard wedge typed: parsed, the clear burst dropped, only brand and last four kept. */
function wedgeFacts(tracks: string): CardReaderTestView {
  const parsed = parseSwipe(tracks);
  if (!parsed.ok) return { outcome: 'bad-read', reason: parsed.error.reason };
  const facts = cardFacts(parsed.card.pan, parsed.card.expiry);
  return {
    outcome: 'read',
    brand: facts.brand,
    last4: facts.last4,
    encrypted: false,
    readerSerialPresent: false,
    ksnPresent: false,
  };
}

function swipeFacts(s: EncryptedSwipe): CardReaderTestView {
  const encrypted = [s.track1, s.track2, s.track3].some((t) => t.encrypted !== undefined);
  if (!s.card.last4) return { outcome: 'bad-read', reason: 'masked-facts' };
  return {
    outcome: 'read',
    brand: s.card.brand,
    last4: s.card.last4,
    encrypted,
    readerSerialPresent: Boolean(s.serial),
    ksnPresent: Boolean(s.ksn),
  };
}

/** The first swipe or bad read on `reader`, or no-swipe after `waitMs`. */
function firstSwipe(reader: IdTechHidReader, waitMs: number): Promise<CardReaderTestView> {
  return new Promise((resolve) => {
    const done = (v: CardReaderTestView): void => {
      clearTimeout(timer);
      reader.off('swipe', onSwipe);
      reader.off('bad-read', onBad);
      resolve(v);
    };
    const onSwipe = (s: EncryptedSwipe): void => done(swipeFacts(s));
    const onBad = (b: BadRead): void => done({ outcome: 'bad-read', reason: b.reason });
    const timer = setTimeout(() => done({ outcome: 'no-swipe', waitedMs: waitMs }), waitMs);
    reader.on('swipe', onSwipe);
    reader.on('bad-read', onBad);
  });
}

async function openReader(
  d: ReaderTestDeps,
  c: Extract<CardReaderConfig, { kind: 'idtech-hid' }>,
): Promise<{ reader: IdTechHidReader; swipeTestCard: (() => void) | null }> {
  if (d.trainingMode) {
    const emulator = trainingReader();
    return {
      reader: new IdTechHidReader(emulator),
      swipeTestCard: () => emulator.swipe(trainingTracks('visa')),
    };
  }
  const ids = {
    ...(c.vendorId === undefined ? {} : { vendorId: c.vendorId }),
    ...(c.productId === undefined ? {} : { productId: c.productId }),
  };
  const reader = await (d.openCardReader ?? openIdTechReader)(ids);
  return { reader, swipeTestCard: null };
}

export async function testCardReader(
  d: ReaderTestDeps,
  c: CardReaderConfig,
  tracks: string | undefined,
): Promise<CardReaderTestView> {
  if (c.kind === 'keyboard-wedge')
    return tracks === undefined ? { outcome: 'swipe-into-field' } : wedgeFacts(tracks);
  let opened: Awaited<ReturnType<typeof openReader>>;
  try {
    opened = await openReader(d, c);
  } catch (e) {
    return { outcome: 'unavailable', detail: e instanceof Error ? e.message : String(e) };
  }
  const { reader, swipeTestCard } = opened;
  try {
    const answer = firstSwipe(reader, d.waitMs ?? READER_TEST_WAIT_MS);
    swipeTestCard?.();
    return await answer;
  } finally {
    reader.close();
  }
}
