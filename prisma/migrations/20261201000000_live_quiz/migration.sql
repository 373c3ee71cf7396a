-- Live quiz (issue 5, point 3): host-paced sessions, their frozen questions, players (with or
-- without an account) and their answers.

-- CreateEnum
CREATE TYPE "LiveSessionStatus" AS ENUM ('LOBBY', 'QUESTION', 'PAUSED', 'REVEAL', 'ENDED');

-- CreateTable
CREATE TABLE "LiveSession" (
    "id" TEXT NOT NULL,
    "orgNodeId" TEXT NOT NULL,
    "hostId" TEXT,
    "title" TEXT NOT NULL,
    "joinCode" TEXT,
    "status" "LiveSessionStatus" NOT NULL DEFAULT 'LOBBY',
    "secondsPerQuestion" INTEGER NOT NULL,
    "currentPosition" INTEGER NOT NULL DEFAULT -1,
    "questionOpenedAt" TIMESTAMP(3),
    "questionClosesAt" TIMESTAMP(3),
    "pausedRemainingMs" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "LiveSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveQuestion" (
    "sessionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "questionVersionId" TEXT NOT NULL,
    "optionOrder" INTEGER[],
    "skipped" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "LiveQuestion_pkey" PRIMARY KEY ("sessionId","position")
);

-- CreateTable
CREATE TABLE "LivePlayer" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "userId" TEXT,
    "nickname" TEXT NOT NULL,
    "nicknameKey" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "firstPosition" INTEGER NOT NULL,
    "score" INTEGER NOT NULL DEFAULT 0,
    "correctCount" INTEGER NOT NULL DEFAULT 0,
    "correctTimeMs" INTEGER NOT NULL DEFAULT 0,
    "kickedAt" TIMESTAMP(3),
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LivePlayer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveAnswer" (
    "playerId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sessionId" TEXT NOT NULL,
    "selected" INTEGER[],
    "correct" BOOLEAN NOT NULL,
    "points" INTEGER NOT NULL,
    "elapsedMs" INTEGER NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveAnswer_pkey" PRIMARY KEY ("playerId","position")
);

-- CreateIndex
CREATE UNIQUE INDEX "LiveSession_joinCode_key" ON "LiveSession"("joinCode");

-- CreateIndex
CREATE INDEX "LiveSession_orgNodeId_createdAt_idx" ON "LiveSession"("orgNodeId", "createdAt");

-- CreateIndex
CREATE INDEX "LiveQuestion_questionVersionId_idx" ON "LiveQuestion"("questionVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "LivePlayer_tokenHash_key" ON "LivePlayer"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "LivePlayer_sessionId_nicknameKey_key" ON "LivePlayer"("sessionId", "nicknameKey");

-- CreateIndex
CREATE UNIQUE INDEX "LivePlayer_sessionId_userId_key" ON "LivePlayer"("sessionId", "userId");

-- CreateIndex
CREATE INDEX "LivePlayer_sessionId_score_idx" ON "LivePlayer"("sessionId", "score");

-- CreateIndex
CREATE INDEX "LiveAnswer_sessionId_position_idx" ON "LiveAnswer"("sessionId", "position");

-- AddForeignKey
ALTER TABLE "LiveSession" ADD CONSTRAINT "LiveSession_orgNodeId_fkey" FOREIGN KEY ("orgNodeId") REFERENCES "OrgNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveSession" ADD CONSTRAINT "LiveSession_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveQuestion" ADD CONSTRAINT "LiveQuestion_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveQuestion" ADD CONSTRAINT "LiveQuestion_questionVersionId_fkey" FOREIGN KEY ("questionVersionId") REFERENCES "QuestionVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LivePlayer" ADD CONSTRAINT "LivePlayer_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LivePlayer" ADD CONSTRAINT "LivePlayer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveAnswer" ADD CONSTRAINT "LiveAnswer_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "LivePlayer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
