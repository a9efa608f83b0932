import { configure } from '@testing-library/react';

// Screens under test load their routes lazily (dynamic import): the first render of a file pays for transforming
// those modules, which on a loaded 2-core CI machine took longer than Testing Library's 1 s default for findBy*/
// waitFor (CI failed on it). A wait that never succeeds still fails; this only gives a slow machine time to render.
configure({ asyncUtilTimeout: 5000 });
