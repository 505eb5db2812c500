// Generated migrations are listed here in order (npm run migration:generate appends).
import { BeneficiaryLists1796017362249 } from './1796017362249-BeneficiaryLists';
import { Signing1796016641633 } from './1796016641633-Signing';
import { Figures1796015755301 } from './1796015755301-Figures';
import { Issuing1795370805669 } from './1795370805669-Issuing';
import { Initial1795362035302 } from './1795362035302-Initial';
export const POSTGRES_MIGRATIONS: (new () => object)[] = [Initial1795362035302, Issuing1795370805669, Figures1796015755301, Signing1796016641633, BeneficiaryLists1796017362249];
