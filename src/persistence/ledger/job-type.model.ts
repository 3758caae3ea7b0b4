/** FSM job types; each may override the labour and materials income accounts (QBO account ids). */
import { type Connection, type Model } from 'mongoose';
import { type FsmListRecord, fsmListModel, fsmListSchema, type StoredFsmList } from './fsm-list.model.js';

export interface JobType extends FsmListRecord {
  labourIncomeAccountId: string | null;
  materialsIncomeAccountId: string | null;
}

const schema = fsmListSchema<JobType>(
  { labourIncomeAccountId: { type: String, default: null }, materialsIncomeAccountId: { type: String, default: null } },
  'fsm_job_types',
);

export function jobTypeModel(connection: Connection): Model<StoredFsmList<JobType>> {
  return fsmListModel(connection, 'JobType', schema);
}
