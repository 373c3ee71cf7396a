-- Indicators (issue 7 §2–3): each territorial node's population with its source year (for
-- "residents reached"), and satisfaction ratings of courses and contests (for "satisfaction").

-- CreateEnum
CREATE TYPE "RatingSubject" AS ENUM ('COURSE', 'CONTEST');

-- CreateTable
CREATE TABLE "OrgNodePopulation" (
    "id" TEXT NOT NULL,
    "orgNodeId" TEXT NOT NULL,
    "population" INTEGER NOT NULL,
    "urbanPopulation" INTEGER,
    "ruralPopulation" INTEGER,
    "sourceYear" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrgNodePopulation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rating" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "subject" "RatingSubject" NOT NULL,
    "courseId" TEXT,
    "contestId" TEXT,
    "orgNodeId" TEXT NOT NULL,
    "stars" INTEGER NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Rating_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma; the app validates the same with zod.
    CONSTRAINT "Rating_stars_range" CHECK ("stars" BETWEEN 1 AND 5),
    CONSTRAINT "Rating_one_subject" CHECK (
        ("subject" = 'COURSE' AND "courseId" IS NOT NULL AND "contestId" IS NULL) OR
        ("subject" = 'CONTEST' AND "contestId" IS NOT NULL AND "courseId" IS NULL)
    )
);

-- CreateIndex
CREATE UNIQUE INDEX "OrgNodePopulation_orgNodeId_sourceYear_key" ON "OrgNodePopulation"("orgNodeId", "sourceYear");

-- CreateIndex
CREATE UNIQUE INDEX "Rating_userId_courseId_key" ON "Rating"("userId", "courseId");

-- CreateIndex
CREATE UNIQUE INDEX "Rating_userId_contestId_key" ON "Rating"("userId", "contestId");

-- CreateIndex
CREATE INDEX "Rating_orgNodeId_createdAt_idx" ON "Rating"("orgNodeId", "createdAt");

-- CreateIndex
CREATE INDEX "Rating_courseId_idx" ON "Rating"("courseId");

-- CreateIndex
CREATE INDEX "Rating_contestId_idx" ON "Rating"("contestId");

-- AddForeignKey
ALTER TABLE "OrgNodePopulation" ADD CONSTRAINT "OrgNodePopulation_orgNodeId_fkey" FOREIGN KEY ("orgNodeId") REFERENCES "OrgNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_orgNodeId_fkey" FOREIGN KEY ("orgNodeId") REFERENCES "OrgNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
