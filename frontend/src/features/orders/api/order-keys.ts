/** Every orders query lives under this prefix: one invalidation (or one `order` push) refreshes them all. */
export const ordersQueryKey = ['orders'] as const;
