import {
  type ChangeSet,
  ChangeSetComputer,
  type EntityProperty,
  ReferenceKind,
} from '@mikro-orm/core';

/** The private methods of MikroORM's change-set computer that the fix below relies on. */
interface ComputerInternals {
  processProperty(changeSet: ChangeSet<object>, prop: EntityProperty, target?: unknown): void;
  processToOne(prop: EntityProperty, changeSet: ChangeSet<object>): void;
}

const FIXED = Symbol.for('trackql.orm-falsy-key-fix');

/**
 * Applies MikroORM's own fix for flushing an entity whose `mapToPk` many-to-one holds a falsy key.
 *
 * @remarks MikroORM 6.6.16 (pinned) tests the key with `if (!target)`, so the key `0` of the
 * Default experiment counts as "no target" and `flush()` recurses until `RangeError` (upstream
 * issue mikro-orm#8003, fixed by #8004 after the 6.6 line). Every run, logged model and dataset of
 * experiment 0 that an entity manager holds hits it. The fix is upstream's: a present falsy key is
 * a key, handled as a to-one (which returns at once for `mapToPk`). Applied only while the buggy
 * test is there, once; `test/server/orm-falsy-key.test.ts` fails without it. Remove with the
 * upgrade that carries #8004.
 */
export function applyFalsyKeyFix(): void {
  const proto = ChangeSetComputer.prototype as unknown as ComputerInternals & {
    [FIXED]?: boolean;
  };
  if (proto[FIXED] || !String(proto.processProperty).includes('if (!target)')) return;
  const original = proto.processProperty;
  proto.processProperty = function (this: ComputerInternals, changeSet, prop, target) {
    if (target != null && !target) {
      // 0, '' or false: the raw key of a `mapToPk` relation, never a collection
      if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) {
        this.processToOne(prop, changeSet);
      }
      return;
    }
    original.call(this, changeSet, prop, target);
  };
  proto[FIXED] = true;
}
