// Typed arrays over SharedArrayBuffers: what worker threads can read without a copy.

/** `array` itself when it already sits in shared memory, else a copy that does. */
export function sharedCopy(array: Int32Array): Int32Array {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const copy = new Int32Array(new SharedArrayBuffer(array.length * 4));
  copy.set(array);
  return copy;
}
