// Which rescue-team types fit an accident category (data, not code): the dispatch dialog offers
// available teams of these types first, nearest first. A county may correct the table; every
// category lists at least one type, and any available team can still be picked by hand.
import type { AccidentCategory } from './gb6441';
import type { TeamType } from '../schemas/rescue-team';

export const TEAM_TYPES_BY_CATEGORY: Readonly<Record<AccidentCategory, ReadonlyArray<TeamType>>> = {
  object_strike: ['fire_station', 'medical'],
  vehicle: ['fire_station', 'medical'],
  machinery: ['fire_station', 'medical'],
  lifting: ['fire_station', 'medical'],
  electrocution: ['power', 'medical'],
  drowning: ['fire_station', 'social', 'medical'],
  scald_burn: ['fire_station', 'medical'],
  fire: ['fire_station', 'medical'],
  fall_from_height: ['fire_station', 'medical'],
  collapse: ['fire_station', 'social', 'medical'],
  roof_fall: ['mine_rescue', 'medical'],
  water_inrush: ['mine_rescue', 'medical'],
  blasting: ['mine_rescue', 'fire_station', 'medical'],
  explosive_explosion: ['fire_station', 'hazmat', 'medical'],
  gas_explosion: ['mine_rescue', 'fire_station', 'medical'],
  boiler_explosion: ['fire_station', 'medical'],
  vessel_explosion: ['hazmat', 'fire_station', 'medical'],
  other_explosion: ['fire_station', 'hazmat', 'medical'],
  poisoning_asphyxia: ['hazmat', 'fire_station', 'medical'],
  other_injury: ['fire_station', 'medical'],
};
