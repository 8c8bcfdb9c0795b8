import { createStore, useStore } from 'zustand';
import { chooseMotion } from './motion-logic';
import type { Motion } from './motion-logic';

/** The WebGL renderer's name (unmasked where the browser allows), or null. */
function rendererOf(gl: WebGLRenderingContext | WebGL2RenderingContext): string | null {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  return typeof name === 'string' ? name : null;
}

const motionStore = createStore<{ motion: Motion }>(() => ({ motion: 'full' }));

/**
 * Decides the motion level from the map's own WebGL context (a probe context of our own would
 * cost ~200 ms to create on software GL) and marks it on <html data-motion>, which the stylesheets
 * key on. Until the map exists nothing animates but antd's transitions, which follow the store.
 */
export function applyMotionFrom(canvas: HTMLCanvasElement): Motion {
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  const motion = chooseMotion({
    prefersReducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    renderer: gl ? rendererOf(gl) : null,
  });
  document.documentElement.dataset['motion'] = motion;
  if (motionStore.getState().motion !== motion) motionStore.setState({ motion });
  return motion;
}

export function useMotion(): Motion {
  return useStore(motionStore, (s) => s.motion);
}
