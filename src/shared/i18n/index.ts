/**
 * Locale resources. Vietnamese is the source language; English is complete
 * (tests/unit/renderer-i18n.test.ts checks both have the same keys and that
 * every error code of the contract has a translation).
 *
 * `vi.json`/`en.json` hold the screens that came first; each later area keeps
 * its strings in its own pair of files (`<area>.vi.json`, `<area>.en.json`),
 * deep-merged here, so work on one area never edits another's catalogue.
 */
import viBase from './vi.json';
import enBase from './en.json';
import viScan from './scan.vi.json';
import enScan from './scan.en.json';
import viSync from './sync.vi.json';
import enSync from './sync.en.json';
import viSupervisor from './supervisor.vi.json';
import enSupervisor from './supervisor.en.json';
import viVoice from './voice.vi.json';
import enVoice from './voice.en.json';
import viReliability from './reliability.vi.json';
import enReliability from './reliability.en.json';
import viPin from './pin.vi.json';
import enPin from './pin.en.json';
import viQueue from './queue.vi.json';
import enQueue from './queue.en.json';
import viClerk from './clerk.vi.json';
import enClerk from './clerk.en.json';
import viIndex766 from './index766.vi.json';
import enIndex766 from './index766.en.json';
import viChannel from './channel.vi.json';
import enChannel from './channel.en.json';
import viForms from './forms.vi.json';
import enForms from './forms.en.json';
import viCatalogue from './catalogue.vi.json';
import enCatalogue from './catalogue.en.json';
import viDigitise from './digitise.vi.json';
import enDigitise from './digitise.en.json';
import viThermal from './thermal.vi.json';
import enThermal from './thermal.en.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type MessageTree = { [key: string]: string | MessageTree };

/** Merges catalogues key by key; a leaf defined twice is a mistake, so it throws at load. */
export function mergeMessages(...trees: MessageTree[]): MessageTree {
  const out: MessageTree = {};
  for (const tree of trees) {
    for (const [k, v] of Object.entries(tree)) {
      const have = out[k];
      if (have === undefined) out[k] = typeof v === 'string' ? v : mergeMessages(v);
      else if (typeof have === 'string' || typeof v === 'string') throw new Error(`i18n: "${k}" is defined twice`);
      else out[k] = mergeMessages(have, v);
    }
  }
  return out;
}

export const messages = {
  vi: mergeMessages(viBase, viScan, viSync, viSupervisor, viVoice, viReliability, viPin, viQueue, viClerk, viIndex766, viChannel, viForms, viCatalogue, viDigitise, viThermal),
  en: mergeMessages(enBase, enScan, enSync, enSupervisor, enVoice, enReliability, enPin, enQueue, enClerk, enIndex766, enChannel, enForms, enCatalogue, enDigitise, enThermal),
} as const;

export const resources = {
  vi: { translation: messages.vi },
  en: { translation: messages.en },
} as const;
