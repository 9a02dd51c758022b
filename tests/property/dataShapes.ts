import type { Database } from '@kim/service-kit';
import type { ServiceName } from '@kim/schema';
import fc from 'fast-check';

/**
 * The tables whose rows make up a client's list fields, and the lists each feeds (`Type.field`).
 * Removing a table's rows of a client for one case makes clients the seeded population has few
 * of: counselling but no language course, a benefit case without measures, a file without
 * titles — exactly where an empty list would tell that rows of another kind exist (issue 14).
 */
export const SHAPE_TABLES = {
  CounsellingContact: { service: 'welfare', lists: ['Client.counsellingContacts'] },
  SupportNeed: { service: 'welfare', lists: ['Client.housingNeeds', 'Client.healthNeeds'] },
  LanguageCourse: { service: 'welfare', lists: ['Client.languageCourses'] },
  Measure: { service: 'jobcenter', lists: ['Client.measures'] },
  Placement: { service: 'jobcenter', lists: ['Client.placements'] },
  Goal: { service: 'case-registry', lists: ['Client.goals'] },
  Referral: { service: 'case-registry', lists: ['Client.referrals'] },
  CaseNote: { service: 'case-registry', lists: ['Client.notes', 'Client.healthNotes'] },
  ResidenceTitle: { service: 'immigration-office', lists: ['Client.residenceTitles'] },
} as const satisfies Record<string, { service: ServiceName; lists: readonly string[] }>;

export type ShapeTable = keyof typeof SHAPE_TABLES;

/** One case's change to the agencies' data: every row of `table` of `clientId` is gone. */
export interface RowRemoval {
  readonly clientId: string;
  readonly table: ShapeTable;
}

export function dataShapeArb(clientIds: readonly string[]): fc.Arbitrary<RowRemoval[]> {
  const removal = fc.record({ clientId: fc.constantFrom(...clientIds), table: fc.constantFrom(...(Object.keys(SHAPE_TABLES) as ShapeTable[])) });
  return fc.array(removal, { maxLength: 6 });
}

/** `clientId|Type.field` of every list a set of removals empties. */
export function emptiedLists(removals: readonly RowRemoval[]): Set<string> {
  return new Set(removals.flatMap((r) => SHAPE_TABLES[r.table].lists.map((list) => `${r.clientId}|${list}`)));
}

/**
 * Removes rows straight from the agencies' databases as each schema's owner, and puts them back
 * (as JSON, through the table's own row type, so every column comes back as it was) before the
 * next case: each case starts from the seeded data.
 */
export class DataShapes {
  private removed: { table: ShapeTable; rows: unknown[] }[] = [];

  constructor(private readonly owners: Readonly<Record<ServiceName, Database>>) {}

  private sql(table: ShapeTable) {
    return this.owners[SHAPE_TABLES[table].service].sql;
  }

  async reset(): Promise<void> {
    for (const { table, rows } of this.removed.splice(0)) {
      for (const row of rows) {
        await this.sql(table).query(`INSERT INTO "${table}" SELECT * FROM json_populate_record(NULL::"${table}", $1::json)`, [JSON.stringify(row)]);
      }
    }
  }

  /** Resets, then removes; returns what was removed, for the report. */
  async apply(removals: readonly RowRemoval[]): Promise<string[]> {
    await this.reset();
    const written: string[] = [];
    for (const { clientId, table } of removals) {
      const rows = await this.sql(table).query<{ row: unknown }>(`DELETE FROM "${table}" t WHERE t."kimClientId" = $1 RETURNING row_to_json(t) AS row`, [clientId]);
      this.removed.push({ table, rows: rows.map((r) => r.row) });
      written.push(`removed ${rows.length} ${table} row(s) of ${clientId}`);
    }
    return written;
  }
}
