// Alert sounds of the linkage screens, made with Web Audio (no audio file to ship or load), and
// the native notification through the bridge. Muted when the workstation's settings say so.
// NOTE: written here because no shared alerts module existed when linkage landed; when one does
// (src-renderer/src/features/alerts/), these two calls should move to it.
import { bridge } from '../../bridge/bridge';
import { logger } from '../../logger';

export type LinkageSound = 'new_order' | 'overdue';

/** Tone pattern per sound: [frequency Hz, duration s] pairs, played one after another. */
const PATTERNS: Readonly<Record<LinkageSound, ReadonlyArray<readonly [number, number]>>> = {
  new_order: [
    [880, 0.18],
    [1175, 0.25],
  ],
  overdue: [
    [988, 0.2],
    [740, 0.2],
    [988, 0.2],
    [740, 0.3],
  ],
};

let context: AudioContext | null = null;

export async function playLinkageSound(sound: LinkageSound): Promise<void> {
  try {
    const settings = await bridge().getSettings();
    if (settings.muted) return;
    if (typeof AudioContext === 'undefined') return;
    context ??= new AudioContext();
    // A context created before any user gesture starts suspended; resume() is allowed after one.
    if (context.state === 'suspended') await context.resume();
    let at = context.currentTime + 0.02;
    for (const [frequency, duration] of PATTERNS[sound]) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + duration);
      osc.connect(gain).connect(context.destination);
      osc.start(at);
      osc.stop(at + duration + 0.02);
      at += duration + 0.05;
    }
  } catch (error) {
    logger.warn('linkage sound failed', error);
  }
}

/** A native notification (desktop: Electron's; browser: the Notification API). */
export async function notifyLinkage(title: string, body: string, urgency: 'normal' | 'critical'): Promise<void> {
  const result = await bridge()
    .notify({ title: title.slice(0, 200), body: body.slice(0, 1000), urgency })
    .catch((error: unknown) => ({ ok: false as const, error: { code: 'internal', message: String(error) } }));
  if (!result.ok) logger.info(`linkage notification not shown: ${result.error.message}`);
}
