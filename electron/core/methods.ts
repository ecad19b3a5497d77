/**
 * A method table: an API's method names, each with how many arguments it takes, written once as
 * a value, so that every transport and client can be derived from it instead of listing the
 * methods again. The table's type is checked against the API's interface: a method missing from
 * the table, one the interface does not have, or an argument count that does not match the
 * method's parameters stops compilation.
 *
 * Pure and import-free: the sandboxed preload bundles it (a sandboxed preload may load nothing at
 * run time but `electron`).
 */

/** Every member of an API is an asynchronous method (a transport can only carry those). */
export type Methods<Api> = { readonly [M in keyof Api]: (...args: never[]) => Promise<unknown> };

export type Args<Api, M extends keyof Api> = Api[M] extends (...args: infer A) => Promise<unknown>
  ? A
  : never;
export type Result<Api, M extends keyof Api> = Api[M] extends (...args: never[]) => Promise<infer R>
  ? R
  : never;

/** How many of a parameter list's leading parameters are required. */
type RequiredCount<A extends readonly unknown[], Counted extends unknown[] = []> = A extends readonly [
  unknown,
  ...infer Rest,
]
  ? RequiredCount<Rest, [...Counted, unknown]>
  : Counted['length'];

/** [fewest, most] arguments a method takes, exactly as its parameters say. */
export type Arity<F> = F extends (...args: infer A) => unknown
  ? readonly [min: RequiredCount<A>, max: Required<A>['length']]
  : never;

/** The one written list of an API's methods: name → [fewest, most] arguments. */
export type MethodTable<Api> = { readonly [M in keyof Api]: Arity<Api[M]> };

/**
 * An API as a transport builds it: the same methods, each taking the interface's parameters and
 * resolving to its result. Assignable to the interface it maps (test/preload.test.ts checks both ways).
 */
export type Implementation<Api> = {
  readonly [M in keyof Api]: (...args: Args<Api, M>) => Promise<Result<Api, M>>;
};

/** One call of method M, typed by the interface. */
export type Call<Api> = <M extends keyof Api & string>(
  method: M,
  args: Args<Api, M>,
) => Promise<Result<Api, M>>;

/** The table's method names, in the order written. */
export function methodsOf<Api>(table: MethodTable<Api>): (keyof Api & string)[] {
  return Object.keys(table).filter((name): name is keyof Api & string => Object.hasOwn(table, name));
}

/** True when `name` is a method of the table: an own key, so never "constructor", "__proto__" or "toString". */
export function isMethodOf<Api>(table: MethodTable<Api>, name: unknown): name is keyof Api & string {
  return typeof name === 'string' && Object.hasOwn(table, name);
}

function isComplete<Api>(
  table: MethodTable<Api>,
  built: Partial<Implementation<Api>>,
): built is Implementation<Api> {
  return methodsOf(table).every((method) => typeof built[method] === 'function');
}

/**
 * An object with exactly the table's methods, each passing its name and arguments to `call`,
 * frozen (a page cannot replace a method). Every other builder below is this one.
 */
export function implement<Api>(table: MethodTable<Api>, call: Call<Api>): Implementation<Api> {
  const built: Partial<Implementation<Api>> = {};
  const define = <M extends keyof Api & string>(method: M) => {
    const run = (...args: Args<Api, M>) => call(method, args);
    built[method] = run;
  };
  for (const method of methodsOf(table)) define(method);
  if (!isComplete(table, built)) throw new Error('A method of the table was not built.');
  return Object.freeze(built);
}

/** Calls `method` of `api` with its arguments: the one place a method is looked up by name. */
export function callMethod<Api, M extends keyof Api & string>(
  api: Implementation<Api>,
  method: M,
  args: Args<Api, M>,
): Promise<Result<Api, M>> {
  const run: (...args: Args<Api, M>) => Promise<Result<Api, M>> = api[method];
  return run.apply(api, args);
}

/** Every method of the table passed on to the same method of `target()`, looked up at each call. */
export function forward<Api>(
  table: MethodTable<Api>,
  target: () => Implementation<Api>,
): Implementation<Api> {
  return implement(table, (method, args) => callMethod(target(), method, args));
}

/** What a transport carries a call over: the method's name and its arguments, answering untyped data. */
export type Send<Api> = (method: keyof Api & string, args: unknown[]) => Promise<unknown>;

/**
 * The client end of a transport: every method of the table sent by name. The answer is typed by the
 * interface because the other end runs the same table against the same interface (dispatch.ts);
 * this is the one place where data from a transport is given the contract's type.
 */
export function remote<Api>(table: MethodTable<Api>, send: Send<Api>): Implementation<Api> {
  const call = async <M extends keyof Api & string>(method: M, args: Args<Api, M>): Promise<Result<Api, M>> =>
    (await send(method, [...args])) as Result<Api, M>;
  return implement(table, call);
}
