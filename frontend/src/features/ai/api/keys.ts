/** Query keys of the ai feature; every mutation invalidates `aiKey`. */
export const aiKey = ['ai'] as const;
export const modelsKey = ['ai', 'models'] as const;
export const modelCardKey = (id: string) => ['ai', 'model', id] as const;
export const dashboardKey = (id: string) => ['ai', 'dashboard', id] as const;
export const statisticsKey = ['ai', 'lung-risk', 'statistics'] as const;
export const prefillKey = (patientId: string) => ['ai', 'lung-risk', 'prefill', patientId] as const;
export const suggestionsKey = (patientId: string) => ['ai', 'suggestions', patientId] as const;
export const jobsKey = ['ai', 'jobs'] as const;
