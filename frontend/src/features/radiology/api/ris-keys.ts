/** Every RIS query lives under this prefix: a pushed `order` or `notification` event refreshes them all. */
export const risQueryKey = ['ris'] as const;
