// Generated migrations are listed here in order (npm run migration:generate appends).
import { Initial1795362035302 } from './1795362035302-Initial';
export const SQLITE_MIGRATIONS: (new () => object)[] = [Initial1795362035302];
