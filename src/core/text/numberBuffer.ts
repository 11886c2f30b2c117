/**
 * A list of numbers that keeps its storage between uses: `clear()` resets the count, not the array. The analysis
 * fills one per chunk and keeps an exact-size copy; `array.length = 0` would hand the storage back to V8, and a
 * 10 MB article has 35,000 chunks, each growing its lists push by push from empty.
 */
export class NumberBuffer {
  #items: number[] = [];
  #count = 0;

  get count(): number {
    return this.#count;
  }

  at(i: number): number {
    return this.#items[i] as number;
  }

  push(value: number): void {
    this.#items[this.#count++] = value;
  }

  push2(a: number, b: number): void {
    this.#items[this.#count++] = a;
    this.#items[this.#count++] = b;
  }

  clear(): void {
    this.#count = 0;
  }

  /** The numbers from `from` on, in a new array of exactly their length. */
  copy(from = 0): number[] {
    return this.#items.slice(from, this.#count);
  }
}
