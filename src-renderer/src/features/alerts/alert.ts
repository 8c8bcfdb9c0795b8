// The one way the renderer raises an alert: a Web Audio sound (by kind and grade, muted per
// workstation) and a native notification through the preload bridge (the browser's Notification
// API in a plain browser). Used for new incidents here and meant for linkage orders as well:
//   alert({ kind: 'linkage_order', severity: 'urgent', title, body, mode })
// (kinds and severities in alert-patterns.ts; a drill is marked 演练 and chimes, never alarms).
import { bridge } from '../../bridge/bridge';
import { i18n } from '../../i18n/i18n';
import { logger } from '../../logger';
import { notificationTitle, soundFor, urgencyFor } from './alert-patterns';
import type { AlertRequest, SoundPattern } from './alert-patterns';

let context: AudioContext | null = null;

/**
 * NOTE: a test hook and a diagnostic at once: the root element carries how many alert sounds
 * were started and the id of the last (`data-alert-sounds`, `data-alert-last`), because whether a
 * sound actually came out of the speaker cannot be observed from a page.
 */
function recordSound(pattern: SoundPattern): void {
  const root = document.documentElement;
  root.dataset.alertSounds = String(Number(root.dataset.alertSounds ?? '0') + 1);
  root.dataset.alertLast = pattern.id;
}

/** Plays a pattern now (Web Audio oscillators; no audio file to ship or load). */
export function playPattern(pattern: SoundPattern): boolean {
  if (typeof AudioContext === 'undefined') return false;
  context ??= new AudioContext();
  // A context made before a user gesture starts suspended; resume() is allowed after one. The
  // tones are scheduled either way and sound once it runs — not awaited, so it never blocks.
  if (context.state === 'suspended') void context.resume().catch(() => undefined);
  let at = context.currentTime + 0.03;
  for (const tone of pattern.tones) {
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.type = tone.wave;
    if (typeof tone.hz === 'number') osc.frequency.setValueAtTime(tone.hz, at);
    else {
      osc.frequency.setValueAtTime(tone.hz[0], at);
      osc.frequency.linearRampToValueAtTime(tone.hz[1], at + tone.seconds);
    }
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(pattern.volume, at + 0.02);
    gain.gain.setValueAtTime(pattern.volume, at + Math.max(0.02, tone.seconds - 0.04));
    gain.gain.exponentialRampToValueAtTime(0.0001, at + tone.seconds);
    osc.connect(gain).connect(context.destination);
    osc.start(at);
    osc.stop(at + tone.seconds + 0.02);
    at += tone.seconds + tone.gapAfter;
  }
  recordSound(pattern);
  return true;
}

export type AlertOptions = {
  /** the word a drill is marked with in the notification title; default: the current language's (演练 / Drill) */
  drillMark?: string;
};

/**
 * Raises an alert: the sound unless this workstation is muted, and a native notification (the
 * main process makes it silent when muted, and rate-limits it). Never throws.
 */
export async function alert(request: AlertRequest, options: AlertOptions = {}): Promise<void> {
  const drillMark = options.drillMark ?? i18n.t('alerts.drill');
  let muted = false;
  try {
    muted = (await bridge().getSettings()).muted;
  } catch (error) {
    logger.warn('alert: settings unreadable, sound on', error);
  }
  if (!muted) {
    try {
      playPattern(soundFor(request));
    } catch (error) {
      logger.warn('alert sound failed', error);
    }
  }
  const result = await bridge()
    .notify({
      title: notificationTitle(request, drillMark),
      body: (request.body ?? '').slice(0, 1000),
      urgency: urgencyFor(request),
    })
    .catch((error: unknown) => ({ ok: false as const, error: { code: 'internal', message: String(error) } }));
  if (!result.ok) logger.info(`notification not shown: ${result.error.message}`);
}

/** Incidents reported from this workstation in this session: no alert for one's own report. */
const ownIncidentIds = new Set<string>();
export const ownReports = {
  add: (incidentId: string) => void ownIncidentIds.add(incidentId),
  ids: (): ReadonlySet<string> => ownIncidentIds,
};
