import type { Db, Params, Row } from '../db.ts';
import { QueryError } from '../errors.ts';
import type { Queryable } from './queries.ts';

/**
 * A few connections to one database, so that independent query files run at the same time: most
 * of them are small, and one connection would leave the cores idle between them. Each connection
 * runs one query at a time; further queries wait for a free one.
 */
export class QueryPool implements Queryable {
  private readonly waiting: { resolve: (c: Db) => void; reject: (e: Error) => void }[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;
  private readonly free: Db[];

  private constructor(private readonly connections: Db[]) {
    this.free = [...connections];
  }

  /**
   * `size` new connections to the database of `db`; `db` itself stays free for its owner (the
   * brief reads unit names on it meanwhile).
   */
  static async open(db: Db, size: number): Promise<QueryPool> {
    const connections: Db[] = [];
    for (let i = 0; i < size; i++) connections.push(await db.connect());
    return new QueryPool(connections);
  }

  async all<T extends Row = Row>(sql: string, params?: Params, sqlPath: string | null = null): Promise<T[]> {
    if (this.closed) throw new QueryError('the query pool is closed', sqlPath);
    const conn =
      this.free.pop() ?? (await new Promise<Db>((resolve, reject) => this.waiting.push({ resolve, reject })));
    const query = conn.all<T>(sql, params, sqlPath);
    this.running.add(query);
    try {
      return await query;
    } finally {
      this.running.delete(query);
      const next = this.waiting.shift();
      if (next) next.resolve(conn);
      else this.free.push(conn);
    }
  }

  /**
   * Refuses queries not yet started and waits for the running ones (when one query fails, its
   * caller gives up at once while others may still run), then closes the connections.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(new QueryError('the query pool is closed', null));
    await Promise.allSettled([...this.running]);
    for (const c of this.connections) c.close();
  }
}
