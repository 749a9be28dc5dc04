import { exemptableGates, gateLabels, gates, type ExemptableGate, type Gate } from '../../../contracts/decisions.ts';
import type { GateRecord, Gates } from './decisions.tables.ts';

/**
 * The five procedures as hard gates in the regulation's order: a procedure may be taken only when
 * every one before it is done or exempted, and the decision only when all are. A refusal names what is
 * missing, e.g. 「尚未完成：专家论证、风险评估」.
 */

const pending: GateRecord = { status: 'pending', on: null, ground: null };

/** A new decision's gates: the catalogue item's exemptions with their grounds, every other gate pending. */
export function initialGates(exemptions: Partial<Record<ExemptableGate, string>>): Gates {
  const out = {} as Gates;
  for (const gate of gates) {
    const ground = (exemptableGates as readonly string[]).includes(gate) ? exemptions[gate as ExemptableGate] : undefined;
    out[gate] = ground ? { status: 'exempted', on: null, ground: `决策事项目录：${ground}` } : pending;
  }
  return out;
}

export const isOpenGate = (g: GateRecord | undefined) => !g || g.status === 'pending';

/** The gates before `gate` (all five with 'decision') that are still open, in order. */
export function missingBefore(all: Gates, gate: Gate | 'decision'): Gate[] {
  const end = gate === 'decision' ? gates.length : gates.indexOf(gate);
  return gates.slice(0, end).filter((g) => isOpenGate(all[g]));
}

export const missingText = (missing: Gate[]) => `尚未完成：${missing.map((g) => gateLabels[g]).join('、')}`;

/** Reopens the procedures a change must go through again (条例 第五章): every gate that was done. */
export function reopenedGates(all: Gates): Gates {
  const out = { ...all };
  for (const gate of gates) if (out[gate].status === 'done') out[gate] = pending;
  return out;
}

export const withGate = (all: Gates, gate: Gate, record: GateRecord): Gates => ({ ...all, [gate]: record });
