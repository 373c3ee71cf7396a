-- Plans and targets (issue 7 §1): each locality's plan implementing Đề án 766/QĐ-TTg and, per
-- phase, the target percentages the indicators are measured against. Targets are data entered
-- per plan, never constants in code. Phase days are calendar days stored as UTC midnight.

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "orgNodeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "number" TEXT,
    "issuedOn" TIMESTAMP(3),
    "implementsPlan" TEXT,
    "parentPlanId" TEXT,
    "officialCategories" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "officialRoles" "RosterRole"[] DEFAULT ARRAY['OFFICIAL', 'REPORTER', 'PROPAGANDIST']::"RosterRole"[],
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanPhase" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "endsOn" TIMESTAMP(3) NOT NULL,
    "officialsTrainedPct" DECIMAL(5,2),
    "onlineTrainingSharePct" DECIMAL(5,2),
    "residentsReachedPct" DECIMAL(5,2),
    "residentsReachedUrbanPct" DECIMAL(5,2),
    "residentsReachedRuralPct" DECIMAL(5,2),
    "satisfactionPct" DECIMAL(5,2),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanPhase_pkey" PRIMARY KEY ("id"),
    -- The application validates these too (app/targets/schemas.ts); the database refuses the rest.
    CONSTRAINT "PlanPhase_days_check" CHECK ("startsOn" < "endsOn"),
    CONSTRAINT "PlanPhase_pct_check" CHECK (
        ("officialsTrainedPct" IS NULL OR "officialsTrainedPct" BETWEEN 0 AND 100) AND
        ("onlineTrainingSharePct" IS NULL OR "onlineTrainingSharePct" BETWEEN 0 AND 100) AND
        ("residentsReachedPct" IS NULL OR "residentsReachedPct" BETWEEN 0 AND 100) AND
        ("residentsReachedUrbanPct" IS NULL OR "residentsReachedUrbanPct" BETWEEN 0 AND 100) AND
        ("residentsReachedRuralPct" IS NULL OR "residentsReachedRuralPct" BETWEEN 0 AND 100) AND
        ("satisfactionPct" IS NULL OR "satisfactionPct" BETWEEN 0 AND 100)
    )
);

-- CreateIndex
CREATE INDEX "Plan_orgNodeId_idx" ON "Plan"("orgNodeId");

-- CreateIndex
CREATE INDEX "Plan_parentPlanId_idx" ON "Plan"("parentPlanId");

-- CreateIndex
CREATE INDEX "PlanPhase_planId_startsOn_idx" ON "PlanPhase"("planId", "startsOn");

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_orgNodeId_fkey" FOREIGN KEY ("orgNodeId") REFERENCES "OrgNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_parentPlanId_fkey" FOREIGN KEY ("parentPlanId") REFERENCES "Plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanPhase" ADD CONSTRAINT "PlanPhase_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
