// Runs in every test file (vitest setupFiles): the folders test/tmp.ts handed out go with the file.
import { afterAll } from 'vitest';
import { removeTempDirs } from '../tmp.ts';

afterAll(removeTempDirs);
