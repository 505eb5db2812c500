import { RegisterAttachmentEntity } from '../archive/register-attachment.entity';
import { RegisterEntryEntity } from '../archive/register-entry.entity';
import { RegisterHeadEntity } from '../archive/register-head.entity';
import { BeneficiaryListEntryEntity } from '../beneficiaries/beneficiary-list-entry.entity';
import { BeneficiaryListEntity } from '../beneficiaries/beneficiary-list.entity';
import { HouseholdEntity } from '../beneficiaries/household.entity';
import { MemberEntity } from '../beneficiaries/member.entity';
import { NumberCounterEntity } from '../issuing/number-counter.entity';
import { WorkflowEventEntity } from '../issuing/workflow-event.entity';
import { PolicyParameterEntity } from '../policies/policy-parameter.entity';
import { PolicyEntity } from '../policies/policy.entity';
import { QuotaEntity } from '../policies/quota.entity';
import { AgencyEntity } from '../registry/agency.entity';
import { RenditionEntity } from '../render/rendition.entity';
import { CitationEntity } from '../registry/citation.entity';
import { DocumentEntity } from '../registry/document.entity';
import { OfficialEntity } from '../registry/official.entity';
import { UnitEntity } from '../registry/unit.entity';
import { VillageEntity } from '../registry/village.entity';
import { DocumentSignatureEntity } from '../signing/document-signature.entity';

/** Every entity of the schema; the migrations must match exactly these (drift check). */
export const ENTITIES = [
  AgencyEntity,
  UnitEntity,
  VillageEntity,
  OfficialEntity,
  DocumentEntity,
  CitationEntity,
  HouseholdEntity,
  MemberEntity,
  PolicyEntity,
  PolicyParameterEntity,
  QuotaEntity,
  NumberCounterEntity,
  WorkflowEventEntity,
  RegisterHeadEntity,
  RegisterEntryEntity,
  RegisterAttachmentEntity,
  RenditionEntity,
  DocumentSignatureEntity,
  BeneficiaryListEntity,
  BeneficiaryListEntryEntity,
];
