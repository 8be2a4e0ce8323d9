// Node-only adapters (file system I/O). Everything else in linkage-core is platform-free.
export {};
