// The API of the package, written by hand; scripts/gen-types.mjs appends the types of the JSON
// (Profile, Plan, Vocabulary) generated from schema/*.schema.json to make index.d.ts.

/** Where the .wasm comes from: a URL or path (resolved against the package), or its bytes.
 * By default, `soothe.wasm` beside the package's index.js. */
export type WasmSource = string | { readonly href: string } | ArrayBuffer | ArrayBufferView;

/** A pack of rules, as TOML text; `name` names it in errors. */
export interface Pack {
  name: string;
  text: string;
}

export interface EngineOptions {
  /** Packs to add after the built-in ones, in order. */
  packs?: Pack[];
  /** Where to load the WebAssembly module from. */
  wasm?: WasmSource;
}

/** Where an error is: the pack or profile, line and column (from 1, where known), the field
 * path in a profile (`symptoms[0].location`) and the pack item. */
export interface ErrorLocation {
  origin: string;
  line: number | null;
  column: number | null;
  field: string | null;
  item: { kind: string; id: string } | null;
}

/** An error as JSON, as every binding of soothe gives it. */
export interface ErrorInfo {
  /** What went wrong, in snake_case: `unknown_id`, `out_of_range`, `syntax`, `invalid_type`, ... */
  kind: string;
  /** One line naming the place and the problem. */
  message: string;
  /** The field path in a profile, where there is one. */
  field: string | null;
  /** The nearest known value to a mistyped one. */
  did_you_mean: string | null;
  location: ErrorLocation | null;
}

/** An error from soothe: a bad profile, a bad pack. */
export declare class SootheError extends Error {
  readonly kind: string;
  readonly location: ErrorLocation | null;
  readonly field: string | null;
  readonly didYouMean: string | null;
  readonly error: ErrorInfo;
  constructor(error: ErrorInfo);
}

/** A rule engine: the built-in packs and, optionally, packs of your own. */
export declare class Engine {
  private constructor();
  /** The engine over the built-in packs, built once and shared. */
  static builtin(options?: { wasm?: WasmSource }): Promise<Engine>;
  /** The built-in packs followed by `packs`; rejects with a SootheError for a bad pack. */
  static create(options?: EngineOptions): Promise<Engine>;
  /** The plan for a profile (an object, or JSON text); throws a SootheError for a bad one. */
  evaluate(profile: Profile | string): Plan;
  /** What to ask next for this profile: the plan's `questions`. */
  questions(profile: Profile | string): Question[];
  /** Every id with its label, and for findings and context ids the yes/no question. */
  vocabulary(): Vocabulary;
  /** Frees the engine's memory now (also done when it is garbage-collected). */
  free(): void;
}

export default Engine;
