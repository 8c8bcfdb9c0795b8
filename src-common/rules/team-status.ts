// Plausible moves of a rescue team's status, shared by the hub (which refuses the others with
// `invalid_transition`) and the screens (which offer only these).
//
//   available ──▶ dispatched ──▶ en_route ──▶ on_scene ──▶ returning ──▶ available
//   available ◀──▶ unavailable           (off duty, maintenance)
// A dispatched or moving team may also be recalled (returning), and a dispatch that never left
// may be called off (dispatched → available). Dispatching is `linkage.send` naming the team,
// which needs it available; a returning team is dispatched again once it reports available.
import type { TeamStatus } from '../schemas/rescue-team';

export const TEAM_STATUS_NEXT: Readonly<Record<TeamStatus, ReadonlyArray<TeamStatus>>> = {
  available: ['dispatched', 'unavailable'],
  dispatched: ['en_route', 'returning', 'available'],
  en_route: ['on_scene', 'returning'],
  on_scene: ['returning'],
  returning: ['available'],
  unavailable: ['available'],
};

export type TeamStatusCheck = { ok: true } | { ok: false; error: { code: 'invalid_transition'; message: string } };

export function teamStatusTransition(from: TeamStatus, to: TeamStatus): TeamStatusCheck {
  const allowed = TEAM_STATUS_NEXT[from];
  if (allowed.includes(to)) return { ok: true };
  return {
    ok: false,
    error: {
      code: 'invalid_transition',
      message: `the team is ${from}: cannot become ${to} (allowed: ${allowed.join(', ')})`,
    },
  };
}
