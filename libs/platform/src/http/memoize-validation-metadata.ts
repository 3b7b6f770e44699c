import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
type GroupedMetadata = ReturnType<MetadataStorage['groupByPropertyName']>;

/** Storages already memoized (class-validator keeps one per process, in a global). */
const memoized = new WeakSet<MetadataStorage>();

/**
 * Makes class-validator look a class's rules up once instead of on every validation. Its storage finds a
 * class's rules by testing every decorated class of the application for being an ancestor, then groups them by
 * property, on each `validate`/`validateSync` of every body and query (typestack/class-validator#2686: O(all
 * DTO classes) per validation, ~4 KB allocated per request of GET /v1/usage). The answer for a class cannot
 * change while no rule is added: its own and its ancestors' decorators ran when the classes were defined, and
 * a class defined later adds rules only to itself. Any rule added empties the memo all the same, so rules
 * registered at run time (a schema, a decorator applied late) are seen. Lookups with validation groups are not
 * memoized (no DTO of ours uses groups). Idempotent; the validation pipe calls it when it is created.
 */
export function memoizeValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (memoized.has(storage)) return;
  memoized.add(storage);
  let rulesByClass = new WeakMap<object, Map<string, ValidationMetadata[]>>();
  let groupedByRules = new WeakMap<readonly ValidationMetadata[], GroupedMetadata>();

  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (targetConstructor, targetSchema, always, strictGroups, groups) => {
    if (groups !== undefined && groups.length > 0)
      return lookUp(targetConstructor, targetSchema, always, strictGroups, groups);
    const key = `${targetSchema}|${always}|${strictGroups}`;
    let byOptions = rulesByClass.get(targetConstructor);
    if (byOptions === undefined) {
      byOptions = new Map();
      rulesByClass.set(targetConstructor, byOptions);
    }
    let rules = byOptions.get(key);
    if (rules === undefined) {
      // Frozen: every caller shares this array, so none may change it.
      rules = Object.freeze(
        lookUp(targetConstructor, targetSchema, always, strictGroups),
      ) as ValidationMetadata[];
      byOptions.set(key, rules);
    }
    return rules;
  };

  const group = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (rules) => {
    // Only the memo's own (frozen) arrays are grouped once: another caller's array may change after grouping.
    if (!Object.isFrozen(rules)) return group(rules);
    let grouped = groupedByRules.get(rules);
    if (grouped === undefined) {
      grouped = Object.freeze(group(rules));
      groupedByRules.set(rules, grouped);
    }
    return grouped;
  };

  const addRule = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    addRule(metadata);
    rulesByClass = new WeakMap();
    groupedByRules = new WeakMap();
  };
}
