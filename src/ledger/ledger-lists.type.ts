/** GraphQL types of the FSM lists account overrides hang on: job types, supplies, payment methods, teams. */
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { connectionTypes } from '../graphql/pagination.js';

@ObjectType('JobType', { description: 'An FSM job type; may override the labour and materials income accounts.' })
export class JobTypeType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The FSM's own id." })
  externalId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => ID, { nullable: true, description: 'QBO account id overriding defaultLabourIncomeAccount.' })
  labourIncomeAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'QBO account id overriding defaultSuppliesIncomeAccount.' })
  materialsIncomeAccountId!: string | null;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('Supply', { description: 'An FSM supply; may override its income account (precedence: supply > job type > default).' })
export class SupplyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  externalId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  code!: string | null;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => ID, { nullable: true })
  incomeAccountId!: string | null;

  @Field(() => Boolean, { description: 'Tracked as stock: pushed to QuickBooks as an Inventory item.' })
  trackInventory!: boolean;

  @Field(() => ID, { nullable: true, description: "Stock supplies: QBO inventory asset account of its item; null: the defaultInventoryAccount setting." })
  inventoryAssetAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Stock supplies: QBO cost of goods sold account of its item; null: the defaultCostOfGoodsSoldAccount setting.' })
  costOfGoodsSoldAccountId!: string | null;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('PaymentMethod', { description: "An FSM payment method (the FSM's, not QBO's); a card method may carry a surcharge income account." })
export class PaymentMethodType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  externalId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Boolean, { description: 'Card payments go to the card clearing account.' })
  isCard!: boolean;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => ID, { nullable: true })
  surchargeIncomeAccountId!: string | null;

  @Field(() => String, { nullable: true, description: 'Tax code of card surcharges (a QuickBooks tax code name such as GST or FRE); null: the tax code of the invoices paid. Non-US companies.' })
  surchargeTaxCode!: string | null;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('Team', { description: 'An FSM team; maps to a QBO class or department (teamTrackingCategory).' })
export class TeamType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  externalId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => Date)
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

@InputType('UpsertJobTypeInput')
export class UpsertJobTypeInput {
  @Field(() => String, { description: "The FSM's own id: repeating an upsert with it updates the same record." })
  externalId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType('UpsertSupplyInput')
export class UpsertSupplyInput {
  @Field(() => String)
  externalId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  code?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Tracked as stock (a QBO Inventory item); default false.' })
  trackInventory?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType('UpsertPaymentMethodInput')
export class UpsertPaymentMethodInput {
  @Field(() => String)
  externalId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Boolean, { nullable: true })
  isCard?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType('UpsertTeamInput')
export class UpsertTeamInput {
  @Field(() => String)
  externalId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}
