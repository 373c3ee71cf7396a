-- Training activities (issue 6 §6): every training event, online (one per course, the course's
-- run, kept in step with it by app/training/online.server.ts) or an offline session an organizer
-- records with its attendance. Issue 7 computes "share of training held online" from these.

-- CreateEnum
CREATE TYPE "TrainingKind" AS ENUM ('ONLINE', 'OFFLINE');

-- CreateTable
CREATE TABLE "TrainingActivity" (
    "id" TEXT NOT NULL,
    "orgNodeId" TEXT NOT NULL,
    "kind" "TrainingKind" NOT NULL,
    "title" TEXT NOT NULL,
    "category" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "place" TEXT,
    "trainer" TEXT,
    "durationMinutes" INTEGER NOT NULL,
    "courseId" TEXT,
    "createdById" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingAttendance" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "rosterMemberId" TEXT,
    "minutesCredited" INTEGER NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TrainingActivity_courseId_key" ON "TrainingActivity"("courseId");

-- CreateIndex
CREATE INDEX "TrainingActivity_orgNodeId_startsAt_idx" ON "TrainingActivity"("orgNodeId", "startsAt");

-- CreateIndex
CREATE INDEX "TrainingActivity_startsAt_idx" ON "TrainingActivity"("startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingAttendance_activityId_userId_key" ON "TrainingAttendance"("activityId", "userId");

-- CreateIndex
CREATE INDEX "TrainingAttendance_userId_idx" ON "TrainingAttendance"("userId");

-- AddForeignKey
ALTER TABLE "TrainingActivity" ADD CONSTRAINT "TrainingActivity_orgNodeId_fkey" FOREIGN KEY ("orgNodeId") REFERENCES "OrgNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingActivity" ADD CONSTRAINT "TrainingActivity_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "TrainingActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_rosterMemberId_fkey" FOREIGN KEY ("rosterMemberId") REFERENCES "RosterMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Courses published before this migration get their online run now (the same rule as
-- syncOnlineActivity: starts when the course opens, or when it was first published).
INSERT INTO "TrainingActivity" ("id", "orgNodeId", "kind", "title", "category", "startsAt", "endsAt", "durationMinutes", "courseId", "isDemo", "updatedAt")
SELECT 'run-' || "id", "orgNodeId", 'ONLINE', "title", "category", COALESCE("opensAt", "publishedAt", "createdAt"), "closesAt", "estimatedMinutes", "id", "isDemo", CURRENT_TIMESTAMP
FROM "Course"
WHERE "status" IN ('PUBLISHED', 'ARCHIVED');
