/** FSM teams; each maps to one QBO class or department (per the team tracking category setting). */
import { type Connection, type Model } from 'mongoose';
import { type FsmListRecord, fsmListSchema } from './fsm-list.schema.js';

export type Team = FsmListRecord;

const schema = fsmListSchema<Team>({}, 'fsm_teams');

export function teamModel(connection: Connection): Model<Team> {
  return (connection.models.Team as Model<Team> | undefined) ?? connection.model<Team>('Team', schema);
}
