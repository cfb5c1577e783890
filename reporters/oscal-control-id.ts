/**
 * A framework control as an OSCAL control-id (a TokenDatatype: a letter or `_`, then letters, digits, `.`, `-`,
 * `_`). NIST SP 800-53 Rev. 5 controls take the ids of NIST's own OSCAL catalog (AC-2(3) → `ac-2.3`,
 * https://github.com/usnistgov/oscal-content, nist.gov/SP800-53/rev5), so a consumer can resolve them there;
 * the other frameworks publish no OSCAL catalog, so their ids get a framework prefix (CIS 5.3 → `cis-v8-5.3`,
 * ISO/IEC 27001:2022 A.5.15 → `iso27001-2022-a.5.15`). The framework and the original id stay in the finding's
 * props.
 */
import type { Control } from '../src/model/results.ts';

/** Prefixes of the frameworks of src/audit/controls.ts (FRAMEWORKS), by the name the results carry. */
const PREFIX: Readonly<Record<string, string>> = {
  'CIS Controls v8': 'cis-v8',
  'SOC 2': 'soc2',
  'ISO/IEC 27001:2022': 'iso27001-2022',
  'PCI DSS v4.0.1': 'pci-dss-v4.0.1',
};

/** NIST SP 800-53 under any edition label (`NIST SP 800-53 Rev. 5` in controls.ts). */
const NIST = /^NIST SP 800-53\b/;

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

const cache = new Map<string, string>();

/** Cached: a 100k-user run asks for the same few dozen controls once per finding. */
export function oscalControlId(control: Pick<Control, 'framework' | 'id'>): string {
  const key = `${control.framework}\u0000${control.id}`;
  let id = cache.get(key);
  if (id === undefined) cache.set(key, (id = toToken(control)));
  return id;
}

function toToken(control: Pick<Control, 'framework' | 'id'>): string {
  if (NIST.test(control.framework)) {
    // AC-2(3) → ac-2.3, IA-2(1) → ia-2.1: the catalog writes an enhancement as `.n`.
    const id = control.id.toLowerCase().replace(/\((\d+)\)/g, '.$1');
    if (/^\p{L}[\p{L}\p{N}.-]*$/u.test(id)) return id;
  }
  const prefix = PREFIX[control.framework] ?? slug(control.framework);
  const token = `${prefix}-${slug(control.id)}`;
  return /^[\p{L}_]/u.test(token) ? token : `x-${token}`;
}
