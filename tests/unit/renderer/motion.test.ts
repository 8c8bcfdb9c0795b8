import { describe, expect, it } from 'vitest';
import { chooseMotion, isSoftwareRenderer } from '../../../src-renderer/src/ui/motion-logic';

describe('motion level', () => {
  it('names the software GL stacks (Chromium SwiftShader, Mesa llvmpipe, Windows Basic Render Driver)', () => {
    for (const name of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'Google SwiftShader',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
    ])
      expect(isSoftwareRenderer(name), name).toBe(true);
    for (const name of [
      'ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'ANGLE (NVIDIA, NVIDIA GeForce GTX 1050 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'Mesa Intel(R) HD Graphics 530 (SKL GT2)',
    ])
      expect(isSoftwareRenderer(name), name).toBe(false);
  });

  it('reduced motion wins; software GL is calm; a GPU or an unknown renderer is full', () => {
    expect(chooseMotion({ prefersReducedMotion: true, renderer: 'NVIDIA GeForce' })).toBe('reduced');
    expect(chooseMotion({ prefersReducedMotion: true, renderer: 'Google SwiftShader' })).toBe('reduced');
    expect(chooseMotion({ prefersReducedMotion: false, renderer: 'Google SwiftShader' })).toBe('calm');
    expect(chooseMotion({ prefersReducedMotion: false, renderer: 'Intel(R) UHD Graphics 620' })).toBe('full');
    expect(chooseMotion({ prefersReducedMotion: false, renderer: null })).toBe('full');
  });
});
