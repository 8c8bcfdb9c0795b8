/**
 * How much the desk animates. On a machine that draws WebGL in software (no usable GPU: SwiftShader,
 * llvmpipe, Windows' Basic Render Driver — common on old wall-screen PCs and remote desktops), every
 * running CSS animation makes the compositor redraw the whole window, map included, each frame:
 * measured here, an idle desk with three small pulsing dots kept two CPU cores busy and made every
 * click wait for it. So:
 * - `full`: a GPU — everything animates;
 * - `calm`: software GL — the newest incident still pulses when it arrives, for a few beats, then
 *   holds a still ring; decorative loops (legend swatch, antd's status dots) are still;
 * - `reduced`: the user asked the system for reduced motion — nothing moves (antd's transitions too).
 */
export type Motion = 'full' | 'calm' | 'reduced';

const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software rasterizer|basic render driver/i;

/** Whether a WebGL renderer string names a software implementation. */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_GL.test(renderer);
}

export function chooseMotion(input: { prefersReducedMotion: boolean; renderer: string | null }): Motion {
  if (input.prefersReducedMotion) return 'reduced';
  return input.renderer !== null && isSoftwareRenderer(input.renderer) ? 'calm' : 'full';
}
