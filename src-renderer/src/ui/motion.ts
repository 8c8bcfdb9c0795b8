import { chooseMotion } from './motion-logic';
import type { Motion } from './motion-logic';

/** The WebGL renderer's name (unmasked where the browser allows), or null. */
function rendererOf(gl: WebGLRenderingContext | WebGL2RenderingContext): string | null {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  return typeof name === 'string' ? name : null;
}

export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Decides the motion level from the map's own WebGL context (a probe context of our own would
 * cost ~200 ms to create on software GL) and marks it on <html data-motion>, which the
 * stylesheets key on: only CSS follows it, so nothing re-renders.
 * NOTE: antd's own transitions are short and end by themselves; they follow only the user's
 * reduced-motion setting, read once at start (switching antd's `motion` later remounts the app).
 */
export function applyMotionFrom(canvas: HTMLCanvasElement): Motion {
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  const motion = chooseMotion({ prefersReducedMotion: prefersReducedMotion(), renderer: gl ? rendererOf(gl) : null });
  document.documentElement.dataset['motion'] = motion;
  return motion;
}
