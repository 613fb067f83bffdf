/** Something the run created on the target, and how to delete it. */
export interface Created {
  id: string;
  /** The API path a DELETE removes it with. */
  path: string;
}

/**
 * What the run created and has not deleted yet, and the budget of creates. Every create is counted
 * against `maxCreates` for the whole session (shrinking included), so a real account never gets
 * more than the user allowed.
 */
export class Ledger {
  private readonly live = new Map<string, Created>();
  creates = 0;

  constructor(readonly maxCreates: number = Number.POSITIVE_INFINITY) {}

  get budgetLeft(): number {
    return this.maxCreates - this.creates;
  }

  /** Takes one create from the budget; false when none is left. */
  reserve(): boolean {
    if (this.budgetLeft <= 0) return false;
    this.creates += 1;
    return true;
  }

  created(entry: Created): void {
    this.live.set(entry.id.toLowerCase(), entry);
  }

  deleted(id: string): void {
    this.live.delete(id.toLowerCase());
  }

  get outstanding(): Created[] {
    return [...this.live.values()];
  }
}
