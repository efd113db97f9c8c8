// What an operator does with tenants: create, list, rotate the Client-Secret, disable, enable, rename
// and delete. Tenant names are unique among the live tenants (case and surrounding blanks ignored).
// The same functions serve the admin API of a running cloud and the CLI on a stopped one, so both
// give the same answers. Every action is recorded in admin_actions and logged — ids only, never a
// secret (the new Client-Secret is returned once and only its hash is stored).
import type { z } from 'zod';
import type { Database, Queryable } from '../db/queryable';
import type { tenantSummarySchema } from '../ops/ops-api';
import { CloudError } from '../cloud-error';
import { hashClientSecret, newClientSecret } from '../crypto/client-secret';
import { createTenant, type NewTenantCredentials } from '../tenants/tenant-service';
import {
  findTenantByRef,
  insertAdminAction,
  listTenantSummaries,
  setClientSecretHash,
  setTenantDisabled,
  setTenantName,
  tenantNameTaken,
  tombstoneTenant,
  type TenantSummaryRow,
} from '../repositories/tenants';

/** What an operator sees of a tenant; the admin API answers it (ops/ops-api.ts). */
export type TenantSummary = z.infer<typeof tenantSummarySchema>;

type AdminAction =
  'tenant.create' | 'tenant.rotate-secret' | 'tenant.disable' | 'tenant.enable' | 'tenant.rename' | 'tenant.delete';

/** Where an admin action is reported (a pino logger's info, or a line on stderr for the CLI). */
type AuditLog = (entry: {
  action: AdminAction;
  tenantId: string;
  clientId: string;
  via: string;
  operator?: string;
}) => void;

/** Who acted, as recorded in admin_actions: a login name or e-mail address, 1–64 characters. */
export const OPERATOR_PATTERN = /^[A-Za-z0-9._@+-]{1,64}$/;

export interface TenantAdmin {
  create(name: string): Promise<NewTenantCredentials>;
  list(): Promise<TenantSummary[]>;
  rotateSecret(ref: string): Promise<NewTenantCredentials>;
  setDisabled(ref: string, disabled: boolean): Promise<TenantSummary>;
  rename(ref: string, name: string): Promise<TenantSummary>;
  /** Deletes the tenant (see tombstoneTenant); answers the deleted platforms' count. */
  remove(ref: string): Promise<{ tenantId: string; clientId: string; deletedPlatforms: number }>;
  /** The same functions, recording `operator` as the one who acted. */
  as(operator: string | undefined): TenantAdmin;
}

type Row = TenantSummaryRow;

const summary = (r: Row): TenantSummary => ({
  tenantId: r.id,
  name: r.name,
  clientId: r.client_id,
  status: r.disabled_at ? 'disabled' : 'active',
  createdAt: new Date(r.created_at).toISOString(),
  ...(r.disabled_at ? { disabledAt: new Date(r.disabled_at).toISOString() } : {}),
});

/** A tenant name as an operator types it: trimmed, 1–200 characters, no control characters. */
function checkTenantName(raw: unknown): string {
  const name = typeof raw === 'string' ? raw.trim() : '';
  // eslint-disable-next-line no-control-regex
  if (!name || name.length > 200 || /[\u0000-\u001f\u007f-\u009f]/.test(name)) {
    throw new CloudError('INVALID_REQUEST', 'The tenant name must be 1 to 200 characters without control characters.');
  }
  return name;
}

const nameTaken = () => new CloudError('TENANT_NAME_TAKEN');
/** Two admins at once can both pass the check; the unique index decides. */
const uniqueName = (err: unknown): never => {
  throw (err as { code?: string }).code === '23505' ? nameTaken() : err;
};

interface TenantAdminOptions {
  db: Database;
  now: () => number;
  via: string;
  audit: AuditLog;
  /** Called after a tenant's status or secret changed (drops cached "active" answers, tells other instances). */
  changed?: (tenantId: string) => void | Promise<void>;
  operator?: string;
}

export function createTenantAdmin(opts: TenantAdminOptions): TenantAdmin {
  const { db } = opts;
  const operator = opts.operator && OPERATOR_PATTERN.test(opts.operator) ? opts.operator : undefined;
  const record = async (tx: Queryable, action: AdminAction, tenantId: string, clientId: string, detail?: object) => {
    await insertAdminAction(tx, {
      at: new Date(opts.now()),
      action,
      tenantId,
      via: opts.via,
      ...(operator ? { operator } : {}),
      ...(detail ? { detail } : {}),
    });
    opts.audit({ action, tenantId, clientId, via: opts.via, ...(operator ? { operator } : {}) });
  };
  const find = async (tx: Queryable, ref: string): Promise<Row> => {
    const row = await findTenantByRef(tx, ref);
    if (!row) throw new CloudError('TENANT_NOT_FOUND');
    return row;
  };
  return {
    async create(raw) {
      const name = checkTenantName(raw);
      const created = await db
        .transaction(async (tx) => {
          if (await tenantNameTaken(tx, name)) throw nameTaken();
          const t = await createTenant(tx, name, new Date(opts.now()));
          await record(tx, 'tenant.create', t.tenantId, t.clientId);
          return t;
        })
        .catch(uniqueName);
      return created;
    },
    async list() {
      return (await listTenantSummaries(db)).map(summary);
    },
    async rotateSecret(ref) {
      const clientSecret = newClientSecret();
      const row = await db.transaction(async (tx) => {
        const r = await find(tx, ref);
        await setClientSecretHash(tx, r.id, hashClientSecret(clientSecret));
        await record(tx, 'tenant.rotate-secret', r.id, r.client_id);
        return r;
      });
      await opts.changed?.(row.id);
      return { tenantId: row.id, clientId: row.client_id, clientSecret };
    },
    async setDisabled(ref, disabled) {
      const row = await db.transaction(async (tx) => {
        const r = await find(tx, ref);
        const updated = await setTenantDisabled(tx, r.id, disabled, new Date(opts.now()));
        await record(tx, disabled ? 'tenant.disable' : 'tenant.enable', r.id, r.client_id);
        return updated;
      });
      await opts.changed?.(row.id);
      return summary(row);
    },
    async rename(ref, raw) {
      const name = checkTenantName(raw);
      const row = await db
        .transaction(async (tx) => {
          const r = await find(tx, ref);
          if (r.name === name) return r;
          if (await tenantNameTaken(tx, name, r.id)) throw nameTaken();
          const updated = await setTenantName(tx, r.id, name);
          await record(tx, 'tenant.rename', r.id, r.client_id, { oldName: r.name, newName: name });
          return updated;
        })
        .catch(uniqueName);
      return summary(row);
    },
    async remove(ref) {
      const { row, deletedPlatforms } = await db.transaction(async (tx) => {
        const r = await find(tx, ref);
        const count = await tombstoneTenant(tx, r.id, new Date(opts.now()));
        await record(tx, 'tenant.delete', r.id, r.client_id, { name: r.name, deletedPlatforms: count });
        return { row: r, deletedPlatforms: count };
      });
      await opts.changed?.(row.id);
      return { tenantId: row.id, clientId: row.client_id, deletedPlatforms };
    },
    as: (who) => createTenantAdmin({ ...opts, ...(who ? { operator: who } : {}) }),
  };
}
