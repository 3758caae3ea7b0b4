/** GraphQL types of the FSM lists account overrides hang on: job types, supplies, payment methods, teams. */
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { connectionTypes } from '../graphql/pagination.js';

@ObjectType('JobType', { description: 'An FSM job type; may override the labour and materials income accounts.' })
export class JobTypeType {
  @Field(() => ID, { description: "The gateway's id (pass it to the set...Accounts mutations)." })
  id!: string;

  @Field(() => String, { description: "The FSM's own id." })
  externalId!: string;

  @Field(() => String, { description: 'Its name in the FSM.' })
  name!: string;

  @Field(() => Boolean, { description: 'False when the FSM retired it (kept for old records).' })
  active!: boolean;

  @Field(() => ID, { nullable: true, description: 'QBO account id overriding defaultLabourIncomeAccount.' })
  labourIncomeAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'QBO account id overriding defaultSuppliesIncomeAccount.' })
  materialsIncomeAccountId!: string | null;

  @Field(() => Date, { description: 'When the gateway last received a change to it.' })
  updatedAt!: Date;
}

@ObjectType('Supply', { description: 'An FSM supply; may override its income account (precedence: supply > job type > default).' })
export class SupplyType {
  @Field(() => ID, { description: "The gateway's id (pass it to the set...Accounts mutations)." })
  id!: string;

  @Field(() => String, { description: "The FSM's own id: repeating an upsert with it updates the same record." })
  externalId!: string;

  @Field(() => String, { description: 'Its name in the FSM.' })
  name!: string;

  @Field(() => String, { nullable: true, description: "The FSM's product code (becomes the QuickBooks item's SKU); null: none." })
  code!: string | null;

  @Field(() => Boolean, { description: 'False when the FSM retired it (kept for old records).' })
  active!: boolean;

  @Field(() => ID, { nullable: true, description: 'QuickBooks income account id overriding the job type and default settings; null: none.' })
  incomeAccountId!: string | null;

  @Field(() => Boolean, { description: 'Tracked as stock: pushed to QuickBooks as an Inventory item.' })
  trackInventory!: boolean;

  @Field(() => ID, { nullable: true, description: "Stock supplies: QBO inventory asset account of its item; null: the defaultInventoryAccount setting." })
  inventoryAssetAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Stock supplies: QBO cost of goods sold account of its item; null: the defaultCostOfGoodsSoldAccount setting.' })
  costOfGoodsSoldAccountId!: string | null;

  @Field(() => Date, { description: 'When the gateway last received a change to it.' })
  updatedAt!: Date;
}

@ObjectType('PaymentMethod', { description: "An FSM payment method (the FSM's, not QBO's); a card method may carry a surcharge income account." })
export class PaymentMethodType {
  @Field(() => ID, { description: "The gateway's id (pass it to the set...Accounts mutations)." })
  id!: string;

  @Field(() => String, { description: "The FSM's own id: repeating an upsert with it updates the same record." })
  externalId!: string;

  @Field(() => String, { description: 'Its name in the FSM.' })
  name!: string;

  @Field(() => Boolean, { description: 'Card payments go to the card clearing account.' })
  isCard!: boolean;

  @Field(() => Boolean, { description: 'False when the FSM retired it (kept for old records).' })
  active!: boolean;

  @Field(() => ID, { nullable: true, description: "QuickBooks income account id of this method's card surcharges; null: the surcharge is not split out." })
  surchargeIncomeAccountId!: string | null;

  @Field(() => String, { nullable: true, description: 'Tax code of card surcharges (a QuickBooks tax code name such as GST or FRE); null: the tax code of the invoices paid. Non-US companies.' })
  surchargeTaxCode!: string | null;

  @Field(() => Date, { description: 'When the gateway last received a change to it.' })
  updatedAt!: Date;
}

@ObjectType('Team', { description: 'An FSM team; maps to a QBO class or department (teamTrackingCategory).' })
export class TeamType {
  @Field(() => ID, { description: "The gateway's id (pass it to the set...Accounts mutations)." })
  id!: string;

  @Field(() => String, { description: "The FSM's own id: repeating an upsert with it updates the same record." })
  externalId!: string;

  @Field(() => String, { description: 'Its name in the FSM.' })
  name!: string;

  @Field(() => Boolean, { description: 'False when the FSM retired it (kept for old records).' })
  active!: boolean;

  @Field(() => Date, { description: 'When the gateway last received a change to it.' })
  updatedAt!: Date;
}

export const { ConnectionType: JobTypeConnection } = connectionTypes('JobType', JobTypeType, 'job types');
export type JobTypeConnection = InstanceType<typeof JobTypeConnection>;
export const { ConnectionType: SupplyConnection } = connectionTypes('Supply', SupplyType, 'supplies');
export type SupplyConnection = InstanceType<typeof SupplyConnection>;
export const { ConnectionType: PaymentMethodConnection } = connectionTypes('PaymentMethod', PaymentMethodType, 'payment methods');
export type PaymentMethodConnection = InstanceType<typeof PaymentMethodConnection>;
export const { ConnectionType: TeamConnection } = connectionTypes('Team', TeamType, 'teams');
export type TeamConnection = InstanceType<typeof TeamConnection>;

@InputType('UpsertJobTypeInput', { description: 'An FSM job type, created or updated by externalId.' })
export class UpsertJobTypeInput {
  @Field(() => String, { description: "The FSM's own id: repeating an upsert with it updates the same record." })
  externalId!: string;

  @Field(() => String, { description: 'Its name.' })
  name!: string;

  @Field(() => Boolean, { nullable: true, description: 'False to retire it (default true).' })
  active?: boolean | null;
}

@InputType('UpsertSupplyInput', { description: 'An FSM supply (a product or material), created or updated by externalId.' })
export class UpsertSupplyInput {
  @Field(() => String, { description: "The FSM's own id: repeating an upsert with it updates the same record." })
  externalId!: string;

  @Field(() => String, { description: 'Its name (the QuickBooks item name).' })
  name!: string;

  @Field(() => String, { nullable: true, description: "The FSM's product code (the QuickBooks item's SKU)." })
  code?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Tracked as stock (a QBO Inventory item); default false.' })
  trackInventory?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'False to retire it (default true).' })
  active?: boolean | null;
}

@InputType('UpsertPaymentMethodInput', { description: 'An FSM payment method, created or updated by externalId.' })
export class UpsertPaymentMethodInput {
  @Field(() => String, { description: "The FSM's own id: repeating an upsert with it updates the same record." })
  externalId!: string;

  @Field(() => String, { description: 'Its name, e.g. "Visa" or "Bank transfer".' })
  name!: string;

  @Field(() => Boolean, { nullable: true, description: 'A card method: its payments are deposited to the card clearing account (default false).' })
  isCard?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'False to retire it (default true).' })
  active?: boolean | null;
}

@InputType('UpsertTeamInput', { description: 'An FSM team, created or updated by externalId.' })
export class UpsertTeamInput {
  @Field(() => String, { description: "The FSM's own id: repeating an upsert with it updates the same record." })
  externalId!: string;

  @Field(() => String, { description: 'Its name (the QuickBooks class or department name).' })
  name!: string;

  @Field(() => Boolean, { nullable: true, description: 'False to retire it (default true).' })
  active?: boolean | null;
}
