-- Rosters (issue 6): a node's target population for training, matched to accounts, and courses
-- assigned to roster groups with a due date.

-- CreateEnum
CREATE TYPE "RosterRole" AS ENUM ('OFFICIAL', 'REPORTER', 'PROPAGANDIST', 'MEDIATOR', 'OTHER');

-- CreateTable
CREATE TABLE "RosterMember" (
    "id" TEXT NOT NULL,
    "orgNodeId" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "role" "RosterRole" NOT NULL,
    "groupName" TEXT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RosterMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseAssignment" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "orgNodeId" TEXT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "groupName" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3),
    "assignedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CourseAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RosterMember_orgNodeId_userId_key" ON "RosterMember"("orgNodeId", "userId");

-- CreateIndex
CREATE INDEX "RosterMember_orgNodeId_groupKey_idx" ON "RosterMember"("orgNodeId", "groupKey");

-- CreateIndex
CREATE UNIQUE INDEX "CourseAssignment_courseId_orgNodeId_groupKey_key" ON "CourseAssignment"("courseId", "orgNodeId", "groupKey");

-- AddForeignKey
ALTER TABLE "RosterMember" ADD CONSTRAINT "RosterMember_orgNodeId_fkey" FOREIGN KEY ("orgNodeId") REFERENCES "OrgNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterMember" ADD CONSTRAINT "RosterMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseAssignment" ADD CONSTRAINT "CourseAssignment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;
