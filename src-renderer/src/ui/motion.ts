import { chooseMotion } from './motion-logic';
import type { Motion } from './motion-logic';

/** The WebGL renderer's name (unmasked where the browser allows), or null. */
function rendererOf(gl: WebGLRenderingContext | WebGL2RenderingContext): string | null {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  return typeof name === 'string' ? name : null;
}

/** The renderer name of a canvas that already has a WebGL context (the map's), or null. */
function canvasRenderer(canvas: HTMLCanvasElement): string | null {
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  return gl ? rendererOf(gl) : null;
}

const RENDERER_KEY = 'watchfloor.webglRenderer';

/**
 * The renderer this workstation had the last time a map was made, for the settings a map must be
 * made with (its `fadeDuration`): a probe context of our own would cost ~0.8 s on software GL.
 * A new workstation gets MapLibre's defaults on its very first map.
 */
export function rememberedRenderer(): string | null {
  try {
    return window.localStorage.getItem(RENDERER_KEY);
  } catch {
    return null; // storage disabled: no memory, the defaults
  }
}

function rememberRenderer(name: string | null): void {
  try {
    if (name !== null) window.localStorage.setItem(RENDERER_KEY, name);
  } catch {
    // storage disabled or full: only the next start's first guess is affected
  }
}

export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Decides the motion level from the map's own WebGL context and marks it on <html data-motion>,
 * which the stylesheets key on: only CSS follows it, so nothing re-renders. Remembers the
 * renderer for the next map (see `rememberedRenderer`). Returns the renderer's name.
 * NOTE: antd's own transitions are short and end by themselves; they follow only the user's
 * reduced-motion setting, read once at start (switching antd's `motion` later remounts the app).
 */
export function applyMotionFrom(canvas: HTMLCanvasElement): { motion: Motion; renderer: string | null } {
  const renderer = canvasRenderer(canvas);
  rememberRenderer(renderer);
  const motion = chooseMotion({ prefersReducedMotion: prefersReducedMotion(), renderer });
  document.documentElement.dataset['motion'] = motion;
  return { motion, renderer };
}
