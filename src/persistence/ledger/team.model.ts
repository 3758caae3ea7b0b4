/** FSM teams; each maps to one QBO class or department (per the team tracking category setting). */
import { type Connection, type Model } from 'mongoose';
import { type FsmListRecord, fsmListModel, fsmListSchema, type StoredFsmList } from './fsm-list.model.js';

export type Team = FsmListRecord;

const schema = fsmListSchema<Team>({}, 'fsm_teams');

export function teamModel(connection: Connection): Model<StoredFsmList<Team>> {
  return fsmListModel(connection, 'Team', schema);
}
